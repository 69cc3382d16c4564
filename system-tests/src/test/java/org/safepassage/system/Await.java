package org.safepassage.system;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Waiting for the system to catch up: an SMS to arrive, the ledger to register, a projection to read an event. */
public final class Await {
    private Await() {}

    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** Checks the condition every 300 ms until it holds; fails after the timeout, naming what it waited for. */
    public static void until(final Condition condition, final String what, final Duration timeout) {
        try {
            Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(300))
                    .until(condition::holds);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what, e);
        }
    }

    /** {@link #until(Condition, String, Duration)} with one minute, enough for any single step of the system. */
    public static void until(final Condition condition, final String what) {
        until(condition, what, Duration.ofSeconds(60));
    }
}
