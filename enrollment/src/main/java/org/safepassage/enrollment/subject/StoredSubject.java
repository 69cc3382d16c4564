package org.safepassage.enrollment.subject;

import java.time.Instant;
import org.safepassage.chaincode.model.ProtectionClass;

/** A subject's row in the vault: opaque and state columns in clear, the rest still encrypted. */
public record StoredSubject(
        String subjectId,
        String requestId,
        byte[] requestDigest,
        ProtectionClass protectionClass,
        int approvalQuorum,
        int guardianVersion,
        String consentRequiredUntil,
        byte[] personal,
        byte[] photo,
        byte[] consent,
        byte[] salt,
        String scheme,
        String commitment,
        String pepperId,
        LedgerState ledgerState,
        String enrolledBy,
        Instant createdAt,
        Instant updatedAt) {

    /** Whether the ledger has the subject yet. */
    public enum LedgerState {
        /** Written here, not yet confirmed on the ledger: the outbox keeps trying. */
        PENDING,
        REGISTERED
    }
}
