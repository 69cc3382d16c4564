package org.safepassage.enrollment.identify;

import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.chaincode.model.SubjectStatus;

/**
 * The answer to a border scan.
 *
 * @param outcome MATCH or NO_MATCH
 * @param score SourceAFIS similarity of the best probe against the subject's enrolled fingers
 * @param integrity VERIFIED when the commitment recomputed from the stored record equals the ledger's; MISMATCH when
 *     the off-chain record was altered (or does not decrypt); NOT_ON_LEDGER while registration is pending
 * @param ledgerStatus the subject's status on the ledger (ACTIVE, FLAGGED_MISSING), when known
 */
public record Identification(Outcome outcome, String subjectId, Double score, Integrity integrity,
        SubjectStatus ledgerStatus, ProtectionClass protectionClass) {

    public enum Outcome {
        MATCH, NO_MATCH
    }

    public enum Integrity {
        VERIFIED, MISMATCH, NOT_ON_LEDGER
    }

    static Identification noMatch() {
        return new Identification(Outcome.NO_MATCH, null, null, null, null, null);
    }
}
