package org.safepassage.guardian.redflag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.safepassage.chaincode.client.ReceivedEvent;
import org.safepassage.chaincode.model.Alert;
import org.safepassage.chaincode.model.AlertType;
import org.safepassage.chaincode.model.Crossing;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.Decision;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.ErasureTombstone;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.chaincode.model.GuardianApproval;
import org.safepassage.chaincode.model.GuardianDecision;
import org.safepassage.chaincode.model.LedgerEvent;
import org.safepassage.chaincode.model.LegalBasis;
import org.safepassage.chaincode.model.Outcome;
import org.safepassage.chaincode.model.PreAuthorisedTrip;
import org.safepassage.chaincode.model.RequestStatus;
import org.safepassage.chaincode.model.Scan;
import org.safepassage.chaincode.model.TripStatus;

/**
 * Ledger events as the chaincode would emit them, on a clock the test moves, with a phone book the test fills: the
 * rules' tests need no ledger.
 */
final class Story implements PhoneBook {
    static final String LEUSENI = "MD-LEUSENI";
    static final String SCULENI = "MD-SCULENI";
    static final String EVIDENCE = "ab".repeat(32);

    private final List<ReceivedEvent> events = new ArrayList<>();
    private final Map<String, String> phones = new HashMap<>();
    private final Map<String, Set<String>> requestPhones = new HashMap<>();
    private Instant now = Instant.parse("2026-06-01T08:00:00Z");
    private int tx;

    List<ReceivedEvent> events() {
        return List.copyOf(events);
    }

    Instant now() {
        return now;
    }

    Story after(final Duration d) {
        now = now.plus(d);
        return this;
    }

    static String child(final int n) {
        return String.format("subject-child-%06d", n);
    }

    static String companion(final int n) {
        return String.format("companion-adult-%06d", n);
    }

    private String nextTx() {
        return String.format("tx-%08d", ++tx);
    }

    private ReceivedEvent add(final String txId, final LedgerEvent event) {
        final ReceivedEvent received = new ReceivedEvent(events.size() / 3, txId, event);
        events.add(received);
        return received;
    }

    ReceivedEvent scan(final String subject, final String post) {
        final String id = nextTx();
        return add(id, LedgerEvent.of(new Scan(id, subject, post, "BorderMSP/post", now)));
    }

    /** Opens a request, with one guardian per given guardian ref. */
    CrossingRequest request(final String subject, final String post, final String companion,
            final String... guardians) {
        return requestFor(subject, post, Direction.EXIT, companion, guardians);
    }

    /** Opens a request for a crossing in {@code direction}, with one guardian per given guardian ref. */
    CrossingRequest requestFor(final String subject, final String post, final Direction direction,
            final String companion, final String... guardians) {
        final String id = nextTx();
        final CrossingRequest r = new CrossingRequest(id, subject, post, direction, companion,
                List.of(guardians.length == 0 ? new String[] {"guardian-of-" + subject} : guardians), 1, List.of(),
                RequestStatus.PENDING, now, now.plus(Duration.ofMinutes(15)), null);
        add(id, LedgerEvent.of(EventType.CROSSING_REQUESTED, r, List.of()));
        return r;
    }

    /** The guardian decides; with a quorum of one, an approval approves and a refusal refuses. */
    CrossingRequest decide(final CrossingRequest r, final String guardian, final Decision decision) {
        final CrossingRequest decided = r.withDecision(new GuardianDecision(guardian, decision, EVIDENCE, now));
        final String id = nextTx();
        final List<Alert> alerts = decided.status() == RequestStatus.REFUSED
                ? List.of(Alert.raise(id, AlertType.REFUSED_CROSSING, r.subjectId(), r.post(), r.requestId(), null,
                        now))
                : List.of();
        add(id, LedgerEvent.of(EventType.GUARDIAN_DECISION_RECORDED, decided, alerts));
        return decided;
    }

    ReceivedEvent expire(final CrossingRequest r) {
        final String id = nextTx();
        return add(id, LedgerEvent.of(EventType.CROSSING_REQUEST_CLOSED, r.withStatus(RequestStatus.EXPIRED),
                List.of(Alert.raise(id, AlertType.EXPIRED_REQUEST, r.subjectId(), r.post(), r.requestId(), null,
                        now))));
    }

    ReceivedEvent crossing(final String subject, final String post, final Direction direction, final Outcome outcome,
            final String companion, final LegalBasis basis) {
        final String id = nextTx();
        return add(id, LedgerEvent.of(new Crossing(id, subject, post, direction, outcome, basis, companion,
                "BorderMSP/post", now), List.of()));
    }

    ReceivedEvent exit(final String subject) {
        return crossing(subject, LEUSENI, Direction.EXIT, Outcome.ALLOWED, null, LegalBasis.notRequired());
    }

    ReceivedEvent entry(final String subject) {
        return crossing(subject, LEUSENI, Direction.ENTRY, Outcome.ALLOWED, null, LegalBasis.notRequired());
    }

    PreAuthorisedTrip trip(final String subject, final Duration length) {
        final String id = nextTx();
        final PreAuthorisedTrip trip = new PreAuthorisedTrip(id, subject, now, now.plus(length), List.of(LEUSENI),
                List.of(), null, null, List.of(new GuardianApproval("guardian-of-" + subject, EVIDENCE)),
                TripStatus.ACTIVE, now, null);
        add(id, LedgerEvent.of(EventType.TRIP_AUTHORISED, trip));
        return trip;
    }

    ReceivedEvent erase(final String subject) {
        final String id = nextTx();
        return add(id, LedgerEvent.of(new ErasureTombstone(subject, "erasure-request-0001", id, now)));
    }

    /** guardian-notify texted this guardian of this request at this number (its keyed hash, in the service). */
    void texted(final CrossingRequest r, final String guardian, final String phone) {
        phones.put(r.requestId() + "/" + guardian, phone);
        requestPhones.computeIfAbsent(r.requestId(), k -> new HashSet<>()).add(phone);
    }

    @Override
    public Optional<String> phoneOf(final String requestId, final String guardianRef) {
        return Optional.ofNullable(phones.get(requestId + "/" + guardianRef));
    }

    @Override
    public Set<String> phonesOf(final String requestId) {
        return requestPhones.getOrDefault(requestId, Set.of());
    }
}
