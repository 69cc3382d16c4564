package org.safepassage.guardian.crossing;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.Checkpointer;

/**
 * A Fabric Gateway checkpointer over the {@code event_checkpoint} table. The consumer writes the checkpoint in the
 * same transaction as the work an event caused (see {@link CrossingEvents}), so the two can never disagree; this class
 * reads it back when a stream is opened, and writes it for events handled outside that path.
 */
final class DbCheckpointer implements Checkpointer {
    private final CrossingStore store;
    private final String consumer;
    private final Clock clock;

    DbCheckpointer(final CrossingStore store, final String consumer, final Clock clock) {
        this.store = store;
        this.consumer = consumer;
        this.clock = clock;
    }

    @Override
    public void checkpointBlock(final long blockNumber) {
        store.saveCheckpoint(consumer, blockNumber + 1, null, clock.instant());
    }

    @Override
    public void checkpointTransaction(final long blockNumber, final String transactionId) {
        store.saveCheckpoint(consumer, blockNumber, transactionId, clock.instant());
    }

    @Override
    public void checkpointChaincodeEvent(final ChaincodeEvent event) {
        checkpointTransaction(event.getBlockNumber(), event.getTransactionId());
    }

    @Override
    public OptionalLong getBlockNumber() {
        return store.checkpoint(consumer).map(c -> OptionalLong.of(c.blockNumber())).orElse(OptionalLong.empty());
    }

    @Override
    public Optional<String> getTransactionId() {
        return store.checkpoint(consumer).map(CrossingStore.Checkpoint::transactionId);
    }
}
