package org.safepassage.chaincode.client;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A transaction endorsed and accepted by the orderer, whose commit is still to come: its result as the endorsing
 * peers computed it, and the commit's outcome.
 *
 * @param result the endorsed result
 * @param transactionId the transaction's id
 * @param committed completes when the peer has committed the transaction; completes exceptionally with what the
 *     waiting submit would have thrown ({@link LedgerConflictException}, {@link TransactionInvalidException}, or
 *     {@link LedgerUnavailableException} when the outcome could not be learnt)
 * @param <T> the result's type
 */
public record Submitted<T>(T result, String transactionId, CompletableFuture<Void> committed) {
    public Submitted {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(committed, "committed");
    }
}
