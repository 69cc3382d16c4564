package org.safepassage.chaincode.client;

import java.util.Objects;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.chaincode.model.LedgerEvent;

/**
 * A chaincode event as a service receives it: the decoded payload and where on the ledger it was written.
 *
 * @param blockNumber the block holding the emitting transaction
 * @param transactionId the emitting transaction's id (also the id of the record it created, where it created one)
 * @param event the decoded payload
 */
public record ReceivedEvent(long blockNumber, String transactionId, LedgerEvent event) {
    /**
     * Checks the components.
     *
     * @param blockNumber the block holding the emitting transaction
     * @param transactionId the emitting transaction's id
     * @param event the decoded payload
     * @throws NullPointerException if {@code transactionId} or {@code event} is null
     * @throws IllegalArgumentException if {@code blockNumber} is negative
     */
    public ReceivedEvent {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(event, "event");
        if (blockNumber < 0) {
            throw new IllegalArgumentException("blockNumber: must not be negative");
        }
    }

    /**
     * The event's type, for dispatching.
     *
     * @return {@code event().type()}
     */
    public EventType type() {
        return event.type();
    }
}
