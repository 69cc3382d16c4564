package org.safepassage.enrollment.identify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.service.api.ApiException;

/**
 * A scan that finds every search place taken waits only while its expected wait is short, and at most the longest
 * wait; otherwise it is told to retry. A place always comes back.
 */
class SearchAdmissionTest {
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @Test
    void a_waiting_scan_is_turned_away_after_the_longest_wait_and_the_next_one_runs_once_a_place_frees()
            throws Exception {
        final SearchAdmission admission = new SearchAdmission(1, Duration.ofMinutes(1), Duration.ofMillis(200),
                metrics);
        final Held first = new Held(admission);
        admission.refuseIfFull(); // no search has finished yet, so no wait is expected: let in to wait

        final long started = System.nanoTime();
        final ApiException busy = assertThrows(ApiException.class, () -> admission.run(() -> "second"));
        assertTrue(System.nanoTime() - started >= Duration.ofMillis(200).toNanos(), "it waited for a place first");
        assertEquals(Reason.IDENTIFY_BUSY.name(), busy.code());
        assertEquals(503, busy.status());
        assertEquals(1.0, metrics.counter("safepassage.identify.turned_away", "why", "waited").count());

        first.release();
        assertEquals("third", admission.run(() -> "third"));
    }

    @Test
    void a_scan_whose_expected_wait_is_too_long_is_turned_away_at_once() throws Exception {
        // Searches of about 100 ms; a scan may expect to wait 150 ms: one may wait behind a running search, not two.
        final SearchAdmission admission = new SearchAdmission(1, Duration.ofMillis(150), Duration.ofSeconds(30),
                metrics);
        admission.run(() -> sleep(100));
        final Held first = new Held(admission);
        final CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> admission.run(() -> "queued"));
        while (metrics.get("safepassage.identify.waiting").gauge().value() < 1) {
            assertFalse(queued.isDone(), "the second scan waits for the first");
            Thread.sleep(10);
        }

        final long started = System.nanoTime();
        final ApiException busy = assertThrows(ApiException.class, () -> admission.run(() -> "third"));
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos(), "turned away without waiting");
        assertEquals(Reason.IDENTIFY_BUSY.name(), busy.code());
        assertThrows(ApiException.class, admission::refuseIfFull, "and before its images are processed");
        assertEquals(2.0, metrics.counter("safepassage.identify.turned_away", "why", "queue_full").count());

        first.release();
        assertEquals("queued", queued.get(5, TimeUnit.SECONDS), "the waiting scan ran once the place freed");
    }

    @Test
    void a_search_that_fails_gives_its_place_back() {
        final SearchAdmission admission = new SearchAdmission(1, Duration.ZERO, Duration.ZERO, metrics);
        assertThrows(IllegalStateException.class, () -> admission.run(() -> {
            throw new IllegalStateException("the search failed");
        }));
        assertEquals("next", admission.run(() -> "next"));
    }

    @Test
    void as_many_searches_as_allowed_run_together() throws Exception {
        final SearchAdmission admission = new SearchAdmission(2, Duration.ZERO, Duration.ofSeconds(5), metrics);
        final CountDownLatch bothIn = new CountDownLatch(2);
        final Runnable search = () -> admission.run(() -> {
            bothIn.countDown();
            await(bothIn);
            return null;
        });
        final CompletableFuture<Void> one = CompletableFuture.runAsync(search);
        final CompletableFuture<Void> two = CompletableFuture.runAsync(search);
        CompletableFuture.allOf(one, two).get(5, TimeUnit.SECONDS);
        assertTrue(metrics.find("safepassage.identify.turned_away").counters().isEmpty());
    }

    /* A search holding its place until released. */
    private static final class Held {
        private final CountDownLatch searching = new CountDownLatch(1);
        private final CountDownLatch finish = new CountDownLatch(1);
        private final CompletableFuture<String> answer;

        Held(final SearchAdmission admission) throws InterruptedException {
            answer = CompletableFuture.supplyAsync(() -> admission.run(() -> {
                searching.countDown();
                await(finish);
                return "held";
            }));
            assertTrue(searching.await(5, TimeUnit.SECONDS));
        }

        void release() throws Exception {
            finish.countDown();
            assertEquals("held", answer.get(5, TimeUnit.SECONDS));
        }
    }

    private static String sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "slept";
    }

    private static void await(final CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test's latch was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
