package org.safepassage.chaincode.client;

import java.util.Optional;

/**
 * A chaincode call that did not produce its result: the base of every failure the client reports. Unchecked, because
 * services handle ledger failures in one place (an exception mapper) rather than at each call.
 *
 * <p>Thrown as is when the ledger answered in a way the client cannot classify further, for example a result that is not
 * valid JSON for the expected record: after a submit that means the transaction committed (its id is kept) but its
 * result could not be read, so read the ledger rather than submit again. The cause, where there is one, is the fabric-gateway exception with the gRPC
 * status and the peers' error details.
 */
public class LedgerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The id of the transaction this failure concerns, if it got one. */
    private final String transactionId;

    /**
     * A failure of a call.
     *
     * @param message what failed
     * @param transactionId the transaction's id, or {@code null} if there was no transaction (e.g. an evaluation)
     * @param cause the underlying failure, or {@code null}
     */
    public LedgerException(final String message, final String transactionId, final Throwable cause) {
        super(message, cause);
        this.transactionId = transactionId;
    }

    /**
     * The id of the transaction this failure concerns: present for submitted transactions, absent for evaluations.
     *
     * @return the transaction id, if any
     */
    public Optional<String> getTransactionId() {
        return Optional.ofNullable(transactionId);
    }
}
