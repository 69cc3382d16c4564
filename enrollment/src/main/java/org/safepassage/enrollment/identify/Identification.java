package org.safepassage.enrollment.identify;

import java.util.List;
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
 * @param irisDistance the Daugman-normalised Hamming distance of the best iris (lower is closer), when an iris matched
 * @param matchedBy the modalities that matched: FINGERPRINT, IRIS or both
 */
public record Identification(Outcome outcome, String subjectId, Double score, Integrity integrity,
        SubjectStatus ledgerStatus, ProtectionClass protectionClass, Double irisDistance, List<Modality> matchedBy) {

    public enum Outcome {
        MATCH, NO_MATCH
    }

    /**
     * VERIFIED: the commitment recomputed from the stored record (fp-v1), or re-derived from the live iris and the
     * helper data (iris-fc-v1), is the ledger's. MISMATCH: the off-chain record was altered, does not decrypt, or
     * released a key whose commitment the ledger does not hold: an integrity alert. UNVERIFIED: the live iris matched
     * but released no key (a noisy capture: about 0.8% of genuine captures on synthetic data); scan again.
     */
    public enum Integrity {
        VERIFIED, MISMATCH, NOT_ON_LEDGER, UNVERIFIED
    }

    /** A biometric modality. */
    public enum Modality {
        FINGERPRINT, IRIS
    }

    static Identification noMatch() {
        return new Identification(Outcome.NO_MATCH, null, null, null, null, null, null, List.of());
    }
}
