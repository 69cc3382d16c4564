package org.safepassage.chaincode.model;

/**
 * The unique index from a commitment to its subject. Entries are never deleted: a renewed or erased subject's
 * commitment stays here, no longer active, so it can never be registered again.
 */
public record CommitmentEntry(String subjectId, Status status) {
    public CommitmentEntry {
        Require.opaqueId("subjectId", subjectId);
        Require.present("status", status);
    }

    /** Whether the commitment still identifies its subject. */
    public enum Status {
        ACTIVE,
        /** Replaced by re-enrollment (ISO/IEC 24745 renewability). */
        REVOKED,
        /** Its subject was erased. */
        ERASED
    }
}
