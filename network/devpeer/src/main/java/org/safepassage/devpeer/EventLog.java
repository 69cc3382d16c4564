package org.safepassage.devpeer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;

/**
 * The chaincode events of valid transactions, per block, from the genesis block on, with a wait for new blocks so
 * that event streams can follow the ledger.
 */
final class EventLog {
    private final NavigableMap<Long, List<Entry>> byBlock = new TreeMap<>();
    private long height;

    /** Records block {@code blockNumber} (with or without events) and wakes waiting streams. */
    synchronized void append(final long blockNumber, final List<Entry> events) {
        if (!events.isEmpty()) {
            byBlock.put(blockNumber, List.copyOf(events));
        }
        height = Math.max(height, blockNumber + 1);
        notifyAll();
    }

    /** @return the number of blocks recorded so far */
    synchronized long height() {
        return height;
    }

    /** Waits up to {@code timeoutMillis} until at least {@code minimum} blocks are recorded. */
    synchronized void awaitHeight(final long minimum, final long timeoutMillis) throws InterruptedException {
        final long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        long left = timeoutMillis;
        while (height < minimum && left > 0) {
            wait(left);
            left = (deadline - System.nanoTime()) / 1_000_000;
        }
    }

    /**
     * The blocks with events from {@code fromBlock} on, waiting up to {@code timeoutMillis} for a block at or after
     * it if there is none yet.
     *
     * @return the blocks found (possibly none) and the block to continue from
     */
    synchronized Batch await(final long fromBlock, final long timeoutMillis) throws InterruptedException {
        if (height <= fromBlock && timeoutMillis > 0) {
            wait(timeoutMillis);
        }
        final List<BlockEvents> blocks = new ArrayList<>();
        for (Map.Entry<Long, List<Entry>> entry : byBlock.tailMap(fromBlock, true).entrySet()) {
            blocks.add(new BlockEvents(entry.getKey(), entry.getValue()));
        }
        return new Batch(blocks, Math.max(fromBlock, height));
    }

    /**
     * One chaincode event and the position of its transaction in the block.
     *
     * @param txIndex the transaction's index in its block
     * @param event the event as the transaction emitted it
     */
    record Entry(int txIndex, ChaincodeEvent event) {}

    /**
     * The events of one block.
     *
     * @param blockNumber the block
     * @param events its events, in transaction order
     */
    record BlockEvents(long blockNumber, List<Entry> events) {}

    /**
     * @param blocks blocks with events
     * @param next the first block not yet covered
     */
    record Batch(List<BlockEvents> blocks, long next) {}
}
