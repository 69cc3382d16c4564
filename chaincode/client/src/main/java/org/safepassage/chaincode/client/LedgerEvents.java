package org.safepassage.chaincode.client;

import org.hyperledger.fabric.client.Checkpointer;

/**
 * Opens streams of the chaincode's events ({@link org.safepassage.chaincode.model.LedgerEvent} payloads named by
 * {@link org.safepassage.chaincode.model.EventType#eventName()}).
 *
 * <p>By default an event that cannot be decoded (an unknown name, a payload that is not a valid {@code LedgerEvent}, or
 * one whose type does not match its name, e.g. from a newer chaincode) is skipped with a warning naming its block and
 * transaction, so one odd event does not stop a service. A {@link #strict()} view throws instead, for tests and for
 * consumers that must not miss anything. Thread-safe.
 */
public interface LedgerEvents {
    /**
     * Streams events from a block on, keeping the position in memory only.
     *
     * @param startBlock the first block to read, 0 for the whole history
     * @return an open stream
     * @throws IllegalArgumentException if {@code startBlock} is negative
     * @throws LedgerException if the stream could not be opened
     */
    EventStream fromBlock(long startBlock);

    /**
     * Streams events after the last one checkpointed; with a fresh checkpointer, from the next block committed.
     *
     * @param checkpointer where the position is kept, e.g. a {@link org.hyperledger.fabric.client.FileCheckpointer}
     * @return an open stream
     * @throws LedgerException if the stream could not be opened
     */
    EventStream resume(Checkpointer checkpointer);

    /**
     * Streams events after the last one checkpointed; with a fresh checkpointer, from {@code firstStartBlock}.
     *
     * @param checkpointer where the position is kept, e.g. a {@link org.hyperledger.fabric.client.FileCheckpointer}
     * @param firstStartBlock the block to start from if the checkpointer holds no position yet
     * @return an open stream
     * @throws IllegalArgumentException if {@code firstStartBlock} is negative
     * @throws LedgerException if the stream could not be opened
     */
    EventStream resume(Checkpointer checkpointer, long firstStartBlock);

    /**
     * A view whose streams throw {@link LedgerException} (with the transaction id) on an event they cannot decode,
     * instead of skipping it. The stream stays open; the undecodable event is not checkpointed.
     *
     * @return the strict view
     */
    LedgerEvents strict();
}
