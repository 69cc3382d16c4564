package org.safepassage.chaincode.model;

import java.util.List;

/**
 * The payload of every chaincode event: its type, the subject it concerns, the record the transaction wrote and any
 * alerts it raised. Only the record that the type names is present (a scan, which writes nothing, carries
 * {@link Scan}; a {@code CrossingRequested} event carries the scan too when the request was opened by one).
 */
public record LedgerEvent(
        EventType type,
        String subjectId,
        Subject subject,
        CrossingRequest request,
        Crossing crossing,
        PreAuthorisedTrip trip,
        ErasureTombstone tombstone,
        Alert alert,
        List<Alert> alerts,
        Scan scan) {

    public LedgerEvent {
        Require.present("type", type);
        Require.opaqueId("subjectId", subjectId);
        alerts = alerts == null ? List.of() : Require.list("alerts", alerts);
    }

    public static LedgerEvent of(final EventType type, final Subject subject) {
        return new LedgerEvent(type, subject.subjectId(), subject, null, null, null, null, null, List.of(), null);
    }

    public static LedgerEvent of(final EventType type, final CrossingRequest request, final List<Alert> alerts) {
        return new LedgerEvent(type, request.subjectId(), null, request, null, null, null, null, alerts, null);
    }

    /**
     * A crossing request opened by a scan, in the same transaction: the {@code CrossingRequested} event carries the
     * scan as well, since a transaction emits only one event.
     */
    public static LedgerEvent of(final CrossingRequest request, final Scan scan) {
        return new LedgerEvent(EventType.CROSSING_REQUESTED, request.subjectId(), null, request, null, null, null,
                null, List.of(), scan);
    }

    public static LedgerEvent of(final Crossing crossing, final List<Alert> alerts) {
        return new LedgerEvent(EventType.CROSSING_RECORDED, crossing.subjectId(), null, null, crossing, null, null,
                null, alerts, null);
    }

    public static LedgerEvent of(final EventType type, final PreAuthorisedTrip trip) {
        return new LedgerEvent(type, trip.subjectId(), null, null, null, trip, null, null, List.of(), null);
    }

    public static LedgerEvent of(final ErasureTombstone tombstone) {
        return new LedgerEvent(EventType.SUBJECT_ERASED, tombstone.subjectId(), null, null, null, null, tombstone,
                null, List.of(), null);
    }

    /** An event about one alert: a missing subject scanned, or an alert acknowledged. */
    public static LedgerEvent of(final EventType type, final Alert alert) {
        return new LedgerEvent(type, alert.subjectId(), null, null, null, null, null, alert, List.of(), null);
    }

    /** A subject that is not flagged missing was scanned at a post. */
    public static LedgerEvent of(final Scan scan) {
        return new LedgerEvent(EventType.SUBJECT_SCANNED, scan.subjectId(), null, null, null, null, null, null,
                List.of(), scan);
    }
}
