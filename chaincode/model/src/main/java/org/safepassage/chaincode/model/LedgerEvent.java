package org.safepassage.chaincode.model;

import java.util.List;

/**
 * The payload of every chaincode event: its type, the subject it concerns, the record the transaction wrote and any
 * alerts it raised. Only the record that the type names is present.
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
        List<Alert> alerts) {

    public LedgerEvent {
        Require.present("type", type);
        Require.opaqueId("subjectId", subjectId);
        alerts = alerts == null ? List.of() : Require.list("alerts", alerts);
    }

    public static LedgerEvent of(final EventType type, final Subject subject) {
        return new LedgerEvent(type, subject.subjectId(), subject, null, null, null, null, null, List.of());
    }

    public static LedgerEvent of(final EventType type, final CrossingRequest request, final List<Alert> alerts) {
        return new LedgerEvent(type, request.subjectId(), null, request, null, null, null, null, alerts);
    }

    public static LedgerEvent of(final Crossing crossing, final List<Alert> alerts) {
        return new LedgerEvent(EventType.CROSSING_RECORDED, crossing.subjectId(), null, null, crossing, null, null,
                null, alerts);
    }

    public static LedgerEvent of(final EventType type, final PreAuthorisedTrip trip) {
        return new LedgerEvent(type, trip.subjectId(), null, null, null, trip, null, null, List.of());
    }

    public static LedgerEvent of(final ErasureTombstone tombstone) {
        return new LedgerEvent(EventType.SUBJECT_ERASED, tombstone.subjectId(), null, null, null, null, tombstone,
                null, List.of());
    }

    /** An event about one alert: a missing subject scanned, or an alert acknowledged. */
    public static LedgerEvent of(final EventType type, final Alert alert) {
        return new LedgerEvent(type, alert.subjectId(), null, null, null, null, null, alert, List.of());
    }
}
