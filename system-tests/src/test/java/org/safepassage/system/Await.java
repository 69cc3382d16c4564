package org.safepassage.system;

import java.time.Duration;
import java.time.Instant;

/** Waiting for the system to catch up: an SMS to arrive, the ledger to register, a projection to read an event. */
public final class Await {
    private Await() {}

    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** Checks the condition every 300 ms until it holds; fails after the timeout, naming what it waited for. */
    public static void until(final Condition condition, final String what, final Duration timeout) throws Exception {
        final Instant deadline = Instant.now().plus(timeout);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(300);
        }
    }

    /** {@link #until(Condition, String, Duration)} with one minute, enough for any single step of the system. */
    public static void until(final Condition condition, final String what) throws Exception {
        until(condition, what, Duration.ofSeconds(60));
    }
}
