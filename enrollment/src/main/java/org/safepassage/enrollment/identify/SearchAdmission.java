package org.safepassage.enrollment.identify;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.service.api.ApiException;

/**
 * Lets at most a few border searches run at once and a few more wait their turn, and turns the rest away at once (or
 * after a short wait, if no search finishes) with a 503 {@code IDENTIFY_BUSY} the post can retry. Each 1:N search already uses every core, so more at once only makes each
 * slower; and a search whose caller has given up (the gateway waits 30 s) still costs its full price. Without this,
 * an overloaded instance answers nobody in time: at 1,000,000 fingers and 10 scans a second, every one of 300 scans
 * timed out at the gateway while enrollment went on with searches nobody waited for (docs/performance.md). With it,
 * the scans it has room for are answered, and the others learn at once that they should retry. The queue is short so
 * that the scans it admits are answered soon: with a long one, every admitted scan would wait nearly the whole wait
 * under a steady overload (measured at 100,000 fingers: p50 6.6 s with the 5 s wait alone, 3.9 s with eight waiting).
 *
 * <p>Enrollment's own deduplication is not admitted here: an officer's enrollment waits its turn on the same cores
 * rather than being refused.
 */
@ApplicationScoped
public class SearchAdmission {
    private final Semaphore admitted;
    private final Semaphore running;
    private final Duration wait;
    private final MeterRegistry metrics;

    SearchAdmission(
            @ConfigProperty(name = "safepassage.identify.concurrent-searches", defaultValue = "0") final int concurrent,
            @ConfigProperty(name = "safepassage.identify.search-queue", defaultValue = "-1") final int queue,
            @ConfigProperty(name = "safepassage.identify.search-wait", defaultValue = "5s") final Duration wait,
            final MeterRegistry metrics) {
        if (concurrent < 0 || queue < -1 || wait.isNegative()) {
            throw new IllegalArgumentException("safepassage.identify.concurrent-searches must be 0 (one per core) or "
                    + "more, search-queue -1 (two per search) or more, search-wait not negative");
        }
        final int searches = concurrent == 0 ? Runtime.getRuntime().availableProcessors() : concurrent;
        this.admitted = new Semaphore(searches + (queue == -1 ? 2 * searches : queue));
        this.running = new Semaphore(searches, true);
        this.wait = wait;
        this.metrics = metrics;
        metrics.gauge("safepassage.identify.waiting", running, Semaphore::getQueueLength);
    }

    /**
     * Runs a search once one of the places is free, if the queue has room.
     *
     * @param search the search
     * @param <T> its answer
     * @return its answer
     * @throws ApiException {@code IDENTIFY_BUSY} (503) if the queue is full, or no place freed up within the wait
     */
    public <T> T run(final Supplier<T> search) {
        if (!admitted.tryAcquire()) {
            throw busy("queue_full");
        }
        try {
            if (!acquire(running)) {
                throw busy("waited");
            }
            try {
                return search.get();
            } finally {
                running.release();
            }
        } finally {
            admitted.release();
        }
    }

    /**
     * Turns a scan away before its images are processed if the queue is full now: extraction costs about a tenth of
     * a search here, and a steady overload would otherwise spend it on scans it then turns away. A queue with room
     * now may be full by the time of the search, which {@link #run} then checks again.
     *
     * @throws ApiException {@code IDENTIFY_BUSY} (503) if the queue is full
     */
    public void refuseIfFull() {
        if (admitted.availablePermits() == 0) {
            throw busy("queue_full");
        }
    }

    private boolean acquire(final Semaphore places) {
        try {
            return places.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private ApiException busy(final String why) {
        metrics.counter("safepassage.identify.turned_away", "why", why).increment();
        return new ApiException(Reason.IDENTIFY_BUSY, "identification is busy with other scans; retry in a moment",
                Map.of("retryAfterSeconds", Math.max(1, wait.toSeconds())));
    }
}
