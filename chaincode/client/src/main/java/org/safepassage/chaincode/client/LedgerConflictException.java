package org.safepassage.chaincode.client;

import java.util.Objects;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * The transaction read state that another transaction changed before it committed ({@code MVCC_READ_CONFLICT} or
 * {@code PHANTOM_READ_CONFLICT}), so the peers invalidated it and it has no effect. Expected under concurrency, for
 * example two guardians answering the same request at once: submitting the same command again, as a new transaction,
 * is safe. {@link Retry} does that.
 */
public final class LedgerConflictException extends TransactionInvalidException {
    private static final long serialVersionUID = 1L;

    /**
     * A read conflict.
     *
     * @param transactionId the invalidated transaction's id; not null
     * @param validationCode {@link TxValidationCode#MVCC_READ_CONFLICT} or
     *     {@link TxValidationCode#PHANTOM_READ_CONFLICT}
     * @param cause the fabric-gateway {@code CommitException}, or {@code null}
     * @throws IllegalArgumentException if the code is not a read conflict
     */
    public LedgerConflictException(
            final String transactionId, final TxValidationCode validationCode, final Throwable cause) {
        super("Transaction " + transactionId + " conflicted with a concurrent transaction ("
                + Objects.requireNonNull(validationCode, "validationCode").name() + "); it may be submitted again",
                transactionId, validationCode, cause);
        if (!isConflict(validationCode)) {
            throw new IllegalArgumentException("not a read conflict: " + validationCode);
        }
    }

    /**
     * Whether a validation code means a read conflict, which resubmitting may resolve.
     *
     * @param validationCode a validation code
     * @return true for {@code MVCC_READ_CONFLICT} and {@code PHANTOM_READ_CONFLICT}
     */
    public static boolean isConflict(final TxValidationCode validationCode) {
        return validationCode == TxValidationCode.MVCC_READ_CONFLICT
                || validationCode == TxValidationCode.PHANTOM_READ_CONFLICT;
    }
}
