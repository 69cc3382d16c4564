package org.safepassage.chaincode.client;

import java.util.Objects;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * The transaction was endorsed and ordered but the peers marked it invalid when committing it, so it has no effect on
 * the ledger: for example an endorsement policy failure ({@link TxValidationCode#ENDORSEMENT_POLICY_FAILURE}).
 *
 * <p>Read conflicts, which are expected under concurrency and worth retrying, are the subclass
 * {@link LedgerConflictException}.
 */
public class TransactionInvalidException extends LedgerException {
    private static final long serialVersionUID = 1L;

    private final TxValidationCode validationCode;

    /**
     * An invalidated transaction.
     *
     * @param transactionId the transaction's id; not null
     * @param validationCode the peers' validation code; not null
     * @param cause the fabric-gateway {@code CommitException}, or {@code null}
     */
    public TransactionInvalidException(
            final String transactionId, final TxValidationCode validationCode, final Throwable cause) {
        this("Transaction " + Objects.requireNonNull(transactionId, "transactionId") + " was invalidated at commit: "
                + Objects.requireNonNull(validationCode, "validationCode").name(), transactionId, validationCode,
                cause);
    }

    /**
     * An invalidated transaction, with a message of its own (for subclasses).
     *
     * @param message what failed
     * @param transactionId the transaction's id; not null
     * @param validationCode the peers' validation code; not null
     * @param cause the fabric-gateway {@code CommitException}, or {@code null}
     */
    protected TransactionInvalidException(final String message, final String transactionId,
            final TxValidationCode validationCode, final Throwable cause) {
        super(message, Objects.requireNonNull(transactionId, "transactionId"), cause);
        this.validationCode = Objects.requireNonNull(validationCode, "validationCode");
    }

    /**
     * Why the peers invalidated the transaction.
     *
     * @return the validation code recorded in the block
     */
    public TxValidationCode getValidationCode() {
        return validationCode;
    }
}
