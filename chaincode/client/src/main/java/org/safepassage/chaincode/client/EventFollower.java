package org.safepassage.chaincode.client;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Follows the chaincode's events on a thread of its own for as long as a service runs, through ledger outages: the
 * stream is opened (connecting included, so a peer that is down is retried, not fatal), every event is handed to the
 * {@link Handler}, and when the stream fails or the peer ends it, it is opened again after {@code retryEvery}. Where it
 * resumes is the opener's choice (a checkpoint, a block). The one reconnect loop of the services that follow events.
 *
 * <p>Start with {@link #start}; {@link #close} stops it, closing the stream and waiting for the event being handled.
 */
public final class EventFollower implements AutoCloseable {
    /** Opens the stream to follow; called again after each failure. */
    @FunctionalInterface
    public interface Opener {
        /**
         * Opens the stream.
         *
         * @return the stream, positioned where following should go on
         * @throws RuntimeException if the ledger cannot be reached; retried after the pause
         */
        EventStream open();
    }

    /** What is done with the stream and its events. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Called once each time the stream is (re)opened, before its first event.
         *
         * @param stream the new stream
         */
        default void opened(final EventStream stream) {}

        /**
         * Handles one event; an exception ends this stream, which is then opened again after the pause.
         *
         * @param stream the stream it came from (to checkpoint it, for example)
         * @param event the event
         */
        void handle(EventStream stream, ReceivedEvent event);
    }

    private final Opener opener;
    private final Handler handler;
    private final Duration retryEvery;
    private final Consumer<RuntimeException> onInterruption;
    private final Thread thread;
    private final Object pause = new Object();
    private volatile boolean running = true;
    private volatile EventStream current;

    private EventFollower(final String name, final Opener opener, final Handler handler, final Duration retryEvery,
            final Consumer<RuntimeException> onInterruption) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.retryEvery = Objects.requireNonNull(retryEvery, "retryEvery");
        this.onInterruption = Objects.requireNonNull(onInterruption, "onInterruption");
        this.thread = new Thread(this::follow, Objects.requireNonNull(name, "name"));
        thread.setDaemon(true);
    }

    /**
     * Starts following on a daemon thread.
     *
     * @param name the thread's name
     * @param opener opens the stream, at first and after each interruption
     * @param handler handles each event
     * @param retryEvery the pause before opening the stream again
     * @param onInterruption told of each failure that ends a stream while following (to log it, reset a connection)
     * @return the running follower
     */
    public static EventFollower start(final String name, final Opener opener, final Handler handler,
            final Duration retryEvery, final Consumer<RuntimeException> onInterruption) {
        final EventFollower follower = new EventFollower(name, opener, handler, retryEvery, onInterruption);
        follower.thread.start();
        return follower;
    }

    /** Whether it is following (not yet closed). */
    public boolean isRunning() {
        return running;
    }

    /** Stops following: closes the stream and waits up to 10 s for the event being handled. Idempotent. */
    @Override
    public void close() {
        running = false;
        final EventStream stream = current;
        if (stream != null) {
            stream.close();
        }
        synchronized (pause) {
            pause.notifyAll();
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void follow() {
        while (running) {
            try (EventStream stream = opener.open()) {
                current = stream;
                if (!running) {
                    break;
                }
                handler.opened(stream);
                while (running && stream.hasNext()) {
                    handler.handle(stream, stream.next());
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                onInterruption.accept(e);
            } finally {
                current = null;
            }
            // The pause before reconnecting, cut short by close(). Not interrupted: a handler's work is never cut off.
            synchronized (pause) {
                if (running) {
                    try {
                        pause.wait(Math.max(1, retryEvery.toMillis()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }
}
