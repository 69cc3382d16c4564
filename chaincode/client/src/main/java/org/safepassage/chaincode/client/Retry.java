package org.safepassage.chaincode.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a submit again when it fails with {@link LedgerConflictException}, which is expected under concurrency (two
 * guardians answering at once, two posts scanning the same child) and safe to retry: the conflicting transaction had no
 * effect. Any other failure, and the last conflict, propagate unchanged; earlier conflicts are attached to the last one
 * as suppressed exceptions.
 *
 * <pre>{@code
 * CrossingRequest request = Retry.onConflict(3).submit(() -> chaincode.crossings().recordDecision(command));
 * }</pre>
 *
 * <p>The call is re-run as is, so it must build a new transaction each time, as every {@link SafePassageChaincode}
 * method does. A refusal on a later attempt is meaningful: the chaincode saw the state the conflicting transaction left
 * (e.g. {@code REQUEST_NOT_PENDING} once the other guardian's answer decided the request). Immutable and thread-safe.
 */
public final class Retry {
    /** The longest base wait {@link #withBackoff(Duration)} accepts: a retry is for an interactive call. */
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final int maxAttempts;
    private final Duration backoff;
    private final Sleeper sleeper;

    private Retry(final int maxAttempts, final Duration backoff, final Sleeper sleeper) {
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    /**
     * Up to {@code maxAttempts} attempts in all, one straight after the other. A commit status arrives only once the
     * block with the conflicting transaction is committed, so an immediate retry already reads the new state.
     *
     * @param maxAttempts attempts including the first, at least 1
     * @return the policy
     * @throws IllegalArgumentException if {@code maxAttempts} is less than 1
     */
    public static Retry onConflict(final int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts: must be at least 1, was " + maxAttempts);
        }
        return new Retry(maxAttempts, Duration.ZERO, duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos()));
    }

    /**
     * The same policy, waiting a random time before each retry, up to {@code backoff} times the number of attempts made
     * so far, so that many writers to one hot record spread out.
     *
     * @param backoff the longest wait before the second attempt; zero for none
     * @return the new policy
     * @throws NullPointerException if {@code backoff} is null
     * @throws IllegalArgumentException if {@code backoff} is negative or longer than {@link #MAX_BACKOFF}
     */
    public Retry withBackoff(final Duration backoff) {
        Objects.requireNonNull(backoff, "backoff");
        if (backoff.isNegative() || backoff.compareTo(MAX_BACKOFF) > 0) {
            throw new IllegalArgumentException("backoff: must be between zero and " + MAX_BACKOFF);
        }
        return new Retry(maxAttempts, backoff, sleeper);
    }

    /** The same policy waiting with {@code replacement}: for tests. */
    Retry withSleeper(final Sleeper replacement) {
        return new Retry(maxAttempts, backoff, replacement);
    }

    /**
     * Runs {@code transaction}, again on a conflict, until it succeeds or the attempts are used up.
     *
     * @param transaction the call to run, typically one submitting method of the client
     * @param <T> its result type
     * @return the result of the first attempt that did not conflict
     * @throws LedgerConflictException if every attempt conflicted, or a wait was interrupted (the interrupt flag is then
     *     set again)
     * @throws RuntimeException whatever else the call throws, at once
     */
    public <T> T submit(final Supplier<T> transaction) {
        Objects.requireNonNull(transaction, "transaction");
        final List<LedgerConflictException> earlier = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (LedgerConflictException e) {
                if (attempt >= maxAttempts || !pause(attempt)) {
                    earlier.forEach(e::addSuppressed);
                    throw e;
                }
                earlier.add(e);
            }
        }
    }

    /** Waits before the next attempt; false if interrupted. */
    private boolean pause(final int attemptsMade) {
        if (backoff.isZero()) {
            return true;
        }
        final long maxNanos = backoff.toNanos() * attemptsMade;
        try {
            sleeper.sleep(Duration.ofNanos(ThreadLocalRandom.current().nextLong(maxNanos + 1)));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits; replaceable in tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }
}
