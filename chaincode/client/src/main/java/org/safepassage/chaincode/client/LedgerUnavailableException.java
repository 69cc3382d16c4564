package org.safepassage.chaincode.client;

/**
 * The ledger could not be reached in time: the gateway peer or the peers and orderers behind it were unavailable
 * (gRPC {@code UNAVAILABLE}), the call ran past its deadline ({@code DEADLINE_EXCEEDED}), or the commit status of a
 * submitted transaction could not be obtained. Services answer 503 and may try again later.
 *
 * <p>When {@link #isOutcomeUnknown()} is true the transaction was handed to ordering and may yet commit: before
 * submitting the same command again, read the ledger to see whether it took effect, or the command may be applied twice.
 */
public final class LedgerUnavailableException extends LedgerException {
    private static final long serialVersionUID = 1L;

    private final boolean outcomeUnknown;

    /**
     * An unreachable ledger.
     *
     * @param message what could not be done
     * @param transactionId the transaction's id, or {@code null} for an evaluation or an event stream
     * @param outcomeUnknown whether the transaction may have committed nonetheless
     * @param cause the fabric-gateway exception with the gRPC status, or {@code null}
     */
    public LedgerUnavailableException(final String message, final String transactionId, final boolean outcomeUnknown,
            final Throwable cause) {
        super(message, transactionId, cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    /**
     * Whether the transaction may have committed despite this failure (it reached ordering but its commit status was
     * not received).
     *
     * @return true if the ledger must be read before resubmitting
     */
    public boolean isOutcomeUnknown() {
        return outcomeUnknown;
    }
}
