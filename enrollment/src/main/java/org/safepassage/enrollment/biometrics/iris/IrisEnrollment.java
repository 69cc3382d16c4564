package org.safepassage.enrollment.biometrics.iris;

import java.util.Objects;
import org.safepassage.enrollment.commitment.SaltedCommitment;

/**
 * What {@code iris-fc-v1} enrollment produces: helper data and salt for the vault, the commitment for the ledger.
 *
 * @param helperData store encrypted under the subject's data key
 * @param salted the salt (vault) and the commitment (ledger)
 */
public record IrisEnrollment(IrisHelperData helperData, SaltedCommitment salted) {
    /**
     * Checks both components are present.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public IrisEnrollment {
        Objects.requireNonNull(helperData, "helperData");
        Objects.requireNonNull(salted, "salted");
    }
}
