package org.safepassage.enrollment.identify;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.service.api.ApiException;

/**
 * Lets at most a few border searches run at once and lets a scan wait for a place only while the wait it can expect
 * is short; any other scan is turned away at once (or after a longer wait, if no search finishes) with a 503
 * {@code IDENTIFY_BUSY} the post can retry. Each 1:N search already uses every core, so more at once only makes each
 * slower; and a search whose caller has given up (the gateway waits 30 s) still costs its full price. Without this,
 * an overloaded instance answers nobody in time: at 1,000,000 fingers and 10 scans a second, every one of 300 scans
 * timed out at the gateway while enrollment went on with searches nobody waited for (docs/performance.md). With it,
 * the scans it has room for are answered soon, and the others learn at once that they should retry.
 *
 * <p>One search at a time by default: at 100,000 fingers, two at once took twice as long each (974 against 473 ms)
 * and answered no more scans a second, so every admitted scan waited longer (p99 6.2 s against 2.7 s).
 *
 * <p>The expected wait is the scans waiting ahead times the recent mean search, shared by the places: a queue counted
 * in scans would be far too short for a small gallery (a search of a few milliseconds) or far too long for a million
 * (seconds each). Under a steady overload a queue is always full, so its length is what every admitted scan waits
 * (measured at 100,000 fingers: p50 6.6 s with a 5 s wait and no queue bound, 3.9 s with eight waiting).
 *
 * <p>Enrollment's own deduplication is not admitted here: an officer's enrollment waits its turn on the same cores
 * rather than being refused.
 */
@ApplicationScoped
public class SearchAdmission {
    /* Weight of the latest search in the mean: about the last ten count. */
    private static final double RECENT = 0.2;

    private final int places;
    private final Semaphore running;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Duration queueWait;
    private final Duration wait;
    private final MeterRegistry metrics;
    private volatile double meanNanos;

    SearchAdmission(
            @ConfigProperty(name = "safepassage.identify.concurrent-searches", defaultValue = "1") final int concurrent,
            @ConfigProperty(name = "safepassage.identify.queue-wait", defaultValue = "1s") final Duration queueWait,
            @ConfigProperty(name = "safepassage.identify.search-wait", defaultValue = "5s") final Duration wait,
            final MeterRegistry metrics) {
        if (concurrent < 0 || queueWait.isNegative() || wait.isNegative()) {
            throw new IllegalArgumentException("safepassage.identify.concurrent-searches must be 0 (one per core) or "
                    + "more, queue-wait and search-wait not negative");
        }
        this.places = concurrent == 0 ? Runtime.getRuntime().availableProcessors() : concurrent;
        this.running = new Semaphore(places, true);
        this.queueWait = queueWait;
        this.wait = wait;
        this.metrics = metrics;
        metrics.gauge("safepassage.identify.waiting", waiting);
    }

    /**
     * Runs a search once one of the places is free, if the wait for it can be expected to be short.
     *
     * @param search the search
     * @param <T> its answer
     * @return its answer
     * @throws ApiException {@code IDENTIFY_BUSY} (503) if the expected wait is too long, or no place freed up within
     *     the longest wait
     */
    public <T> T run(final Supplier<T> search) {
        if (!acquire(running, Duration.ZERO)) {
            if (!roomToWait()) {
                throw busy("queue_full");
            }
            waiting.incrementAndGet();
            try {
                if (!acquire(running, wait)) {
                    throw busy("waited");
                }
            } finally {
                waiting.decrementAndGet();
            }
        }
        final long started = System.nanoTime();
        try {
            return search.get();
        } finally {
            final double took = System.nanoTime() - started;
            final double mean = meanNanos;
            meanNanos = mean == 0 ? took : mean + RECENT * (took - mean);
            running.release();
        }
    }

    /**
     * Turns a scan away before its images are processed if it would be turned away now: extraction costs about a
     * tenth of a search at 100,000 fingers, and a steady overload would otherwise spend it on scans refused anyway.
     * {@link #run} decides again at the search.
     *
     * @throws ApiException {@code IDENTIFY_BUSY} (503) if every place is taken and the expected wait is too long
     */
    public void refuseIfFull() {
        if (running.availablePermits() == 0 && !roomToWait()) {
            throw busy("queue_full");
        }
    }

    /* Whether one more scan, behind those waiting, can expect a place within the queue wait. */
    private boolean roomToWait() {
        return (waiting.get() + 1) * meanNanos / places <= queueWait.toNanos();
    }

    private static boolean acquire(final Semaphore semaphore, final Duration within) {
        try {
            return semaphore.tryAcquire(within.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private ApiException busy(final String why) {
        metrics.counter("safepassage.identify.turned_away", "why", why).increment();
        return new ApiException(Reason.IDENTIFY_BUSY, "identification is busy with other scans; retry in a moment",
                Map.of("retryAfterSeconds", Math.max(1, queueWait.toSeconds())));
    }
}
