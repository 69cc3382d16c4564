package org.safepassage.chaincode.model;

/**
 * The chaincode events, one per transaction (Fabric keeps only one event per transaction). The event's name on the
 * ledger is {@link #eventName()}; its payload is a {@link LedgerEvent}.
 */
public enum EventType {
    SUBJECT_REGISTERED("SubjectRegistered"),
    GUARDIANS_REPLACED("GuardiansReplaced"),
    COMMITMENT_RENEWED("CommitmentRenewed"),
    SUBJECT_FLAGGED_MISSING("SubjectFlaggedMissing"),
    SUBJECT_UNFLAGGED("SubjectUnflagged"),
    SUBJECT_ERASED("SubjectErased"),
    /** A flagged-missing subject was scanned at a post; carries the alert. */
    MISSING_SUBJECT_SCANNED("MissingSubjectScanned"),
    CROSSING_REQUESTED("CrossingRequested"),
    GUARDIAN_DECISION_RECORDED("GuardianDecisionRecorded"),
    /** A request expired or was cancelled. */
    CROSSING_REQUEST_CLOSED("CrossingRequestClosed"),
    CROSSING_RECORDED("CrossingRecorded"),
    TRIP_AUTHORISED("TripAuthorised"),
    TRIP_REVOKED("TripRevoked"),
    ALERT_ACKNOWLEDGED("AlertAcknowledged"),
    /** A subject that is not flagged missing was scanned at a post; carries the scan. */
    SUBJECT_SCANNED("SubjectScanned"),
    /** The child-protection analytics raised a red-flag alert; carries the alert. */
    RED_FLAG_RAISED("RedFlagRaised");

    private final String eventName;

    EventType(final String eventName) {
        this.eventName = eventName;
    }

    /** The chaincode event name, as a Fabric client sees it. */
    public String eventName() {
        return eventName;
    }

    /** The type with this chaincode event name. */
    public static EventType fromEventName(final String name) {
        for (final EventType type : values()) {
            if (type.eventName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown chaincode event " + name);
    }
}
