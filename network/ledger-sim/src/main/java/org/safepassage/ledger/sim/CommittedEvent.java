package org.safepassage.ledger.sim;

import java.util.Objects;

/**
 * A chaincode event delivered after its transaction was committed as valid.
 *
 * @param blockNumber the block the transaction was committed in
 * @param txId the transaction that emitted the event
 * @param event the event name and payload
 */
public record CommittedEvent(long blockNumber, String txId, ContractEvent event) {

    /** Requires every component. */
    public CommittedEvent {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(event, "event");
    }
}
