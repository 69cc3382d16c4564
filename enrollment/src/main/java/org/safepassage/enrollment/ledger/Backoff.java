package org.safepassage.enrollment.ledger;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a passing failure waits before the next attempt: {@code first}, doubled per failed attempt, at most
 * {@code max}. Doubling spares a ledger that is coming back up a storm of retries; the cap keeps a long outage's work
 * from waiting hours once the ledger is back.
 */
record Backoff(Duration first, Duration max) {
    Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff: 0 < first <= max");
        }
    }

    /** The wait after the {@code failures}-th failed attempt (1 for the first). */
    Duration after(final int failures) {
        final int doublings = Math.max(0, Math.min(failures - 1, 30));
        final Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
