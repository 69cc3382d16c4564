package org.safepassage.guardian.oversight;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.safepassage.chaincode.client.ReceivedEvent;
import org.safepassage.chaincode.model.Alert;
import org.safepassage.chaincode.model.BasisType;
import org.safepassage.chaincode.model.Crossing;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.GuardianDecision;
import org.safepassage.chaincode.model.LedgerEvent;
import org.safepassage.chaincode.model.RequestStatus;

/**
 * Translates one chaincode event into activity rows. Times come from the records (the transaction timestamp the
 * chaincode stamped on them), so a replay gives the same rows; only a closed request carries no time of its own
 * unless it raised an alert, and then the time the event was read stands in.
 */
final class ActivityRows {
    private ActivityRows() {
    }

    static List<Activity> of(final ReceivedEvent received, final Instant readAt) {
        final LedgerEvent event = received.event();
        final String tx = received.transactionId();
        final long block = received.blockNumber();
        final String subject = event.subjectId();
        final List<Activity> rows = new ArrayList<>();
        switch (received.type()) {
            case SUBJECT_REGISTERED -> rows.add(Activity.of(tx, block, subject, ActivityKind.SUBJECT_REGISTERED,
                    subjectTime(event, readAt)));
            case GUARDIANS_REPLACED -> rows.add(Activity.of(tx, block, subject, ActivityKind.GUARDIANS_REPLACED,
                    subjectTime(event, readAt)));
            case COMMITMENT_RENEWED -> rows.add(Activity.of(tx, block, subject, ActivityKind.COMMITMENT_RENEWED,
                    subjectTime(event, readAt)));
            case SUBJECT_FLAGGED_MISSING -> rows.add(Activity.of(tx, block, subject, ActivityKind.SUBJECT_FLAGGED,
                    subjectTime(event, readAt)));
            case SUBJECT_UNFLAGGED -> rows.add(Activity.of(tx, block, subject, ActivityKind.SUBJECT_UNFLAGGED,
                    subjectTime(event, readAt)));
            case MISSING_SUBJECT_SCANNED -> {
                final Alert alert = event.alert();
                final Instant at = alert != null ? alert.raisedAt() : readAt;
                rows.add(Activity.of(tx, block, subject, ActivityKind.SCAN, at)
                        .at(alert != null ? alert.post() : null, null));
            }
            case SUBJECT_SCANNED -> {
                if (event.scan() != null) {
                    rows.add(Activity.of(tx, block, subject, ActivityKind.SCANNED, event.scan().scannedAt())
                            .at(event.scan().post(), null));
                }
            }
            case RED_FLAG_RAISED -> redFlag(rows, tx, block, event.alert());
            case CROSSING_REQUESTED -> {
                final CrossingRequest request = event.request();
                if (event.scan() != null) {
                    // a request opened by a scan records the scan in the same transaction (one event for both)
                    rows.add(Activity.of(tx, block, subject, ActivityKind.SCANNED, event.scan().scannedAt())
                            .at(event.scan().post(), null));
                }
                if (request != null) {
                    rows.add(Activity.of(tx, block, subject, ActivityKind.REQUEST_OPENED, request.createdAt())
                            .at(request.post(), request.direction()).request(request.requestId()));
                }
            }
            case GUARDIAN_DECISION_RECORDED -> decision(rows, tx, block, event.request(), readAt);
            case CROSSING_REQUEST_CLOSED -> {
                final CrossingRequest request = event.request();
                if (request != null) {
                    final Instant at = event.alerts().isEmpty() ? readAt : event.alerts().get(0).raisedAt();
                    final ActivityKind kind = request.status() == RequestStatus.CANCELLED
                            ? ActivityKind.REQUEST_CANCELLED : ActivityKind.REQUEST_EXPIRED;
                    rows.add(Activity.of(tx, block, subject, kind, at).at(request.post(), request.direction())
                            .request(request.requestId()));
                }
            }
            case CROSSING_RECORDED -> crossing(rows, tx, block, event.crossing());
            case TRIP_AUTHORISED -> rows.add(Activity.of(tx, block, subject, ActivityKind.TRIP_AUTHORISED,
                    event.trip() != null ? event.trip().createdAt() : readAt));
            case TRIP_REVOKED -> rows.add(Activity.of(tx, block, subject, ActivityKind.TRIP_REVOKED,
                    event.trip() != null && event.trip().revocation() != null
                            ? tripRevokedAt(event, readAt) : readAt));
            case ALERT_ACKNOWLEDGED -> {
                final Alert alert = event.alert();
                final Instant at = alert != null && alert.acknowledgement() != null
                        ? alert.acknowledgement().acknowledgedAt() : readAt;
                rows.add(Activity.of(tx, block, subject, ActivityKind.ALERT_ACKNOWLEDGED, at)
                        .alert(alert != null ? alert.alertId() : null, alert != null ? alert.type() : null));
            }
            default -> {
                // SUBJECT_ERASED deletes rows instead (ActivityProjection); anything newer is not projected yet
            }
        }
        final List<Alert> raised = new ArrayList<>(event.alerts());
        if (received.type() == org.safepassage.chaincode.model.EventType.MISSING_SUBJECT_SCANNED
                && event.alert() != null) {
            raised.add(event.alert());
        }
        for (final Alert alert : raised) {
            rows.add(Activity.of(tx, block, subject, ActivityKind.ALERT_RAISED, alert.raisedAt())
                    .at(alert.post(), null).request(alert.requestId()).alert(alert.alertId(), alert.type()));
        }
        final List<Activity> numbered = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            numbered.add(rows.get(i).numbered(i));
        }
        return numbered;
    }

    /** A red flag appears on the timeline of every subject its evidence names, so each sees the pattern. */
    private static void redFlag(final List<Activity> rows, final String tx, final long block, final Alert alert) {
        if (alert == null) {
            return;
        }
        final java.util.Set<String> subjects = new java.util.LinkedHashSet<>();
        subjects.add(alert.subjectId());
        alert.evidence().forEach(e -> subjects.add(e.subjectId()));
        for (final String s : subjects) {
            rows.add(Activity.of(tx, block, s, ActivityKind.ALERT_RAISED, alert.raisedAt())
                    .at(alert.post(), null).alert(alert.alertId(), alert.type()));
        }
    }

    private static void decision(final List<Activity> rows, final String tx, final long block,
            final CrossingRequest request, final Instant readAt) {
        if (request == null || request.decisions().isEmpty()) {
            return;
        }
        // decisions are appended in order: the last one is the one this transaction recorded
        final GuardianDecision last = request.decisions().get(request.decisions().size() - 1);
        rows.add(Activity.of(tx, block, request.subjectId(), ActivityKind.GUARDIAN_DECISION, last.decidedAt())
                .at(request.post(), request.direction()).request(request.requestId())
                .decided(last.decision(), last.guardianRef()));
        final ActivityKind closing = switch (request.status()) {
            case APPROVED -> ActivityKind.REQUEST_APPROVED;
            case REFUSED -> ActivityKind.REQUEST_REFUSED;
            default -> null;
        };
        if (closing != null) {
            rows.add(Activity.of(tx, block, request.subjectId(), closing, last.decidedAt())
                    .at(request.post(), request.direction()).request(request.requestId()));
        }
    }

    private static void crossing(final List<Activity> rows, final String tx, final long block,
            final Crossing crossing) {
        if (crossing == null) {
            return;
        }
        final Activity recorded = Activity.of(tx, block, crossing.subjectId(), ActivityKind.CROSSING_RECORDED,
                        crossing.recordedAt())
                .at(crossing.post(), crossing.direction()).request(crossing.basis().requestId())
                .crossing(crossing.crossingId(), crossing.outcome(), crossing.basis().type(),
                        crossing.basis().overrideReason());
        rows.add(recorded);
        if (crossing.basis().type() == BasisType.SUPERVISED_OVERRIDE) {
            rows.add(Activity.of(tx, block, crossing.subjectId(), ActivityKind.OVERRIDE, crossing.recordedAt())
                    .at(crossing.post(), crossing.direction())
                    .crossing(crossing.crossingId(), crossing.outcome(), crossing.basis().type(),
                            crossing.basis().overrideReason()));
        }
    }

    private static Instant subjectTime(final LedgerEvent event, final Instant readAt) {
        return event.subject() != null ? event.subject().updatedAt() : readAt;
    }

    private static Instant tripRevokedAt(final LedgerEvent event, final Instant readAt) {
        final Instant at = event.trip().revocation().revokedAt();
        return at != null ? at : readAt;
    }
}
