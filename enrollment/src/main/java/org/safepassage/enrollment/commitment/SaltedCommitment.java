package org.safepassage.enrollment.commitment;

import java.util.Objects;

/**
 * What enrollment (or renewal) produces: the fresh salt to keep in the vault, and the commitment to register on the
 * ledger.
 *
 * @param salt the new per-subject salt; store it encrypted, never on the ledger
 * @param commitment the commitment computed with it
 */
public record SaltedCommitment(CommitmentSalt salt, Commitment commitment) {
    /**
     * Checks both components are present.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public SaltedCommitment {
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(commitment, "commitment");
    }
}
