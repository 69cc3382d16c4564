package org.safepassage.guardian.redflag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.safepassage.chaincode.client.ReceivedEvent;
import org.safepassage.chaincode.model.Alert;
import org.safepassage.chaincode.model.BasisType;
import org.safepassage.chaincode.model.Crossing;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.Decision;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.chaincode.model.GuardianDecision;
import org.safepassage.chaincode.model.LedgerEvent;
import org.safepassage.chaincode.model.Outcome;
import org.safepassage.chaincode.model.RedFlagEvidence;
import org.safepassage.chaincode.model.RequestStatus;

/**
 * What the rules need from one chaincode event. Times are the transaction timestamps the records carry, never the time
 * of reading, so reading the stream again gives the same facts.
 */
record Fact(
        String transactionId,
        EventType event,
        Kind kind,
        String subjectId,
        Instant at,
        String post,
        String companionRef,
        String requestId,
        String guardianRef,
        Instant requestedAt,
        String tripId,
        Instant tripEnd) {

    enum Kind {
        /** The child was presented at a post: a scan, a request, a crossing recorded. */
        SEEN,
        /** A request refused by the guardians, expired unanswered, or a crossing recorded DENIED. */
        TURNED_AWAY,
        EXITED,
        ENTERED,
        /** An entry recorded DENIED: the child reached the post, was turned back, and did not enter. */
        ENTRY_DENIED,
        /** One guardian approved a request. */
        APPROVED,
        TRIP_AUTHORISED,
        ERASED
    }

    RedFlagEvidence evidence() {
        return new RedFlagEvidence(transactionId, subjectId, event);
    }

    /** The country of the post ({@code MD} for {@code MD-LEUSENI}), or null without a post. */
    String country() {
        return country(post);
    }

    static String country(final String post) {
        if (post == null) {
            return null;
        }
        final int dash = post.indexOf('-');
        return dash < 0 ? post : post.substring(0, dash);
    }

    static List<Fact> of(final ReceivedEvent received) {
        final LedgerEvent e = received.event();
        final String tx = received.transactionId();
        final EventType type = received.type();
        final String subject = e.subjectId();
        final List<Fact> facts = new ArrayList<>();
        switch (type) {
            case SUBJECT_SCANNED -> {
                if (e.scan() != null) {
                    facts.add(fact(tx, type, Kind.SEEN, subject, e.scan().scannedAt(), e.scan().post(), null));
                }
            }
            case MISSING_SUBJECT_SCANNED -> {
                final Alert alert = e.alert();
                if (alert != null && alert.post() != null) {
                    facts.add(fact(tx, type, Kind.SEEN, subject, alert.raisedAt(), alert.post(), null));
                }
            }
            case CROSSING_REQUESTED -> {
                final CrossingRequest r = e.request();
                if (r != null) {
                    facts.add(fact(tx, type, Kind.SEEN, subject, r.createdAt(), r.post(), r.companionRef()));
                }
            }
            case GUARDIAN_DECISION_RECORDED -> decision(facts, tx, e.request());
            case CROSSING_REQUEST_CLOSED -> {
                final CrossingRequest r = e.request();
                if (r != null && r.status() == RequestStatus.EXPIRED) {
                    final Instant at = e.alerts().isEmpty() ? r.expiresAt() : e.alerts().get(0).raisedAt();
                    facts.add(fact(tx, type, Kind.TURNED_AWAY, subject, at, r.post(), r.companionRef()));
                }
            }
            case CROSSING_RECORDED -> crossing(facts, tx, e.crossing());
            case TRIP_AUTHORISED -> {
                if (e.trip() != null) {
                    facts.add(new Fact(tx, type, Kind.TRIP_AUTHORISED, subject, e.trip().createdAt(), null, null,
                            null, null, null, e.trip().tripId(), e.trip().validUntil()));
                }
            }
            case SUBJECT_ERASED -> facts.add(fact(tx, type, Kind.ERASED, subject,
                    e.tombstone() != null ? e.tombstone().erasedAt() : Instant.EPOCH, null, null));
            default -> {
                // nothing the rules look at
            }
        }
        return facts;
    }

    private static void decision(final List<Fact> facts, final String tx, final CrossingRequest r) {
        if (r == null || r.decisions().isEmpty()) {
            return;
        }
        // decisions are appended in order: the last one is the one this transaction recorded
        final GuardianDecision last = r.decisions().get(r.decisions().size() - 1);
        if (last.decision() == Decision.APPROVE) {
            facts.add(new Fact(tx, EventType.GUARDIAN_DECISION_RECORDED, Kind.APPROVED, r.subjectId(),
                    last.decidedAt(), r.post(), r.companionRef(), r.requestId(), last.guardianRef(), r.createdAt(),
                    null, null));
        }
        if (r.status() == RequestStatus.REFUSED) {
            facts.add(fact(tx, EventType.GUARDIAN_DECISION_RECORDED, Kind.TURNED_AWAY, r.subjectId(),
                    last.decidedAt(), r.post(), r.companionRef()));
        }
    }

    private static void crossing(final List<Fact> facts, final String tx, final Crossing c) {
        if (c == null) {
            return;
        }
        final EventType type = EventType.CROSSING_RECORDED;
        facts.add(fact(tx, type, Kind.SEEN, c.subjectId(), c.recordedAt(), c.post(), c.companionRef()));
        if (c.outcome() == Outcome.DENIED) {
            facts.add(fact(tx, type, Kind.TURNED_AWAY, c.subjectId(), c.recordedAt(), c.post(), c.companionRef()));
            if (c.direction() == Direction.ENTRY) {
                facts.add(fact(tx, type, Kind.ENTRY_DENIED, c.subjectId(), c.recordedAt(), c.post(),
                        c.companionRef()));
            }
        } else {
            final Kind kind = c.direction() == Direction.EXIT ? Kind.EXITED : Kind.ENTERED;
            final String tripId = c.basis().type() == BasisType.PREAUTHORISED ? c.basis().tripId() : null;
            facts.add(new Fact(tx, type, kind, c.subjectId(), c.recordedAt(), c.post(), c.companionRef(), null, null,
                    null, tripId, null));
        }
    }

    private static Fact fact(final String tx, final EventType type, final Kind kind, final String subject,
            final Instant at, final String post, final String companion) {
        return new Fact(tx, type, kind, subject, at, post, companion, null, null, null, null, null);
    }
}
