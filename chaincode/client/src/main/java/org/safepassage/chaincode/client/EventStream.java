package org.safepassage.chaincode.client;

import java.util.Iterator;
import org.hyperledger.fabric.client.Checkpointer;

/**
 * A live stream of the chaincode's events, oldest first, from {@link LedgerEvents}. It never ends by itself:
 * {@link #hasNext()} blocks until the next event is committed, and returns false only once the stream is closed.
 *
 * <p>After handling an event, {@link #checkpoint(ReceivedEvent) checkpoint} it; a stream reopened with
 * {@link LedgerEvents#resume(Checkpointer)} on the same checkpointer then starts right after it. Checkpoint every event
 * received, including those the service ignores.
 *
 * <p>A failure of the connection ends the stream with {@link LedgerUnavailableException} (or {@link LedgerException})
 * from {@code hasNext} or {@code next}; close it and resume from {@link #checkpointer()}. May be closed from another
 * thread to stop a blocked consumer; otherwise not thread-safe.
 */
public interface EventStream extends Iterator<ReceivedEvent>, AutoCloseable {
    /**
     * Waits for the next event.
     *
     * @return true when an event is ready, false once the stream is closed (or the server ended it)
     * @throws LedgerException if the stream failed, or, on a strict stream, an event could not be decoded
     */
    @Override
    boolean hasNext();

    /**
     * The next event, waiting for it if need be.
     *
     * @return the event
     * @throws java.util.NoSuchElementException if the stream is closed
     * @throws LedgerException if the stream failed, or, on a strict stream, an event could not be decoded
     */
    @Override
    ReceivedEvent next();

    /**
     * Records that {@code event} was handled, so a stream resumed from this stream's checkpointer starts after it.
     *
     * @param event an event received from this stream
     * @throws java.io.UncheckedIOException if the checkpointer could not store the position
     */
    void checkpoint(ReceivedEvent event);

    /**
     * The checkpointer this stream records handled events in: the one it was resumed with, or an in-memory one for a
     * stream opened at a block.
     *
     * @return the checkpointer
     */
    Checkpointer checkpointer();

    /** Stops the stream and releases its gRPC call; {@link #hasNext()} then returns false. Idempotent. */
    @Override
    void close();
}
