package org.safepassage.devpeer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The ordering service: one thread takes submitted transactions in arrival order and cuts a block when it holds
 * {@code maxTransactions} or when {@code batchTimeout} has passed since the block's first transaction, as Fabric's
 * solo/Raft batching does; each block is then committed by the ledger.
 */
final class Orderer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Orderer.class.getName());

    private final Ledger ledger;
    private final int maxTransactions;
    private final long batchTimeoutNanos;
    private final BlockingQueue<OrderedTransaction> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean failed;

    Orderer(final Ledger ledger, final int maxTransactions, final Duration batchTimeout) {
        if (maxTransactions < 1) {
            throw new IllegalArgumentException("maxTransactions: at least 1");
        }
        this.ledger = ledger;
        this.maxTransactions = maxTransactions;
        this.batchTimeoutNanos = batchTimeout.toNanos();
        this.thread = new Thread(this::run, "devpeer-orderer");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return whether the transaction was queued; false once the orderer stopped */
    boolean broadcast(final OrderedTransaction transaction) {
        return running && !failed && queue.offer(transaction);
    }

    boolean isAvailable() {
        return running && !failed;
    }

    /** Stops taking transactions, commits what was queued and waits for the thread to finish. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        final List<OrderedTransaction> batch = new ArrayList<>(maxTransactions);
        while (running || !queue.isEmpty()) {
            try {
                final OrderedTransaction first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                final long deadline = System.nanoTime() + batchTimeoutNanos;
                while (batch.size() < maxTransactions) {
                    final long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    final OrderedTransaction next = queue.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                ledger.commit(List.copyOf(batch));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // The world state may now be ahead of the block log: stop ordering rather than diverge.
                failed = true;
                LOG.log(Level.SEVERE, "cannot commit a block of " + batch.size() + " transactions; ordering stops", e);
                return;
            } finally {
                batch.clear();
            }
        }
    }
}
