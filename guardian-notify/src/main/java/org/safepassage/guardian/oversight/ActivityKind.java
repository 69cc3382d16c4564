package org.safepassage.guardian.oversight;

/** What an activity row records; one chaincode event gives one or more of these. */
public enum ActivityKind {
    SUBJECT_REGISTERED,
    GUARDIANS_REPLACED,
    COMMITMENT_RENEWED,
    SUBJECT_FLAGGED,
    SUBJECT_UNFLAGGED,
    SCAN,
    REQUEST_OPENED,
    GUARDIAN_DECISION,
    REQUEST_APPROVED,
    REQUEST_REFUSED,
    REQUEST_EXPIRED,
    REQUEST_CANCELLED,
    CROSSING_RECORDED,
    OVERRIDE,
    TRIP_AUTHORISED,
    TRIP_REVOKED,
    ALERT_RAISED,
    ALERT_ACKNOWLEDGED,
    /** Scanned at a post (not flagged missing): a scan emits an event since the red-flag rules need it. */
    SCANNED
}
