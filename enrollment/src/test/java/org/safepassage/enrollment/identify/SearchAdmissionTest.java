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

/** A scan beyond the searches an instance runs at once waits briefly, then is told to retry; a place always frees. */
class SearchAdmissionTest {
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @Test
    void a_search_beyond_the_limit_is_turned_away_after_the_wait_and_the_next_one_runs_once_a_place_frees()
            throws Exception {
        final SearchAdmission admission = new SearchAdmission(1, 1, Duration.ofMillis(200), metrics);
        final CountDownLatch searching = new CountDownLatch(1);
        final CountDownLatch finish = new CountDownLatch(1);
        final CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> admission.run(() -> {
            searching.countDown();
            await(finish);
            return "first";
        }));
        assertTrue(searching.await(5, TimeUnit.SECONDS));
        admission.refuseIfFull(); // the queue has room: the second scan is let in to wait

        final long started = System.nanoTime();
        final ApiException busy = assertThrows(ApiException.class, () -> admission.run(() -> "second"));
        assertTrue(System.nanoTime() - started >= Duration.ofMillis(200).toNanos(), "it waited for a place first");
        assertEquals(Reason.IDENTIFY_BUSY.name(), busy.code());
        assertEquals(503, busy.status());
        assertEquals(1.0, metrics.counter("safepassage.identify.turned_away", "why", "waited").count());

        finish.countDown();
        assertEquals("first", first.get(5, TimeUnit.SECONDS));
        assertEquals("third", admission.run(() -> "third"));
    }

    @Test
    void a_search_finding_the_queue_full_is_turned_away_at_once() throws Exception {
        final SearchAdmission admission = new SearchAdmission(1, 1, Duration.ofSeconds(30), metrics);
        final CountDownLatch searching = new CountDownLatch(1);
        final CountDownLatch finish = new CountDownLatch(1);
        final CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> admission.run(() -> {
            searching.countDown();
            await(finish);
            return "first";
        }));
        assertTrue(searching.await(5, TimeUnit.SECONDS));
        final CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> admission.run(() -> "queued"));
        while (metrics.get("safepassage.identify.waiting").gauge().value() < 1) {
            assertFalse(queued.isDone(), "the second search waits for the first");
            Thread.sleep(10);
        }

        final long started = System.nanoTime();
        final ApiException busy = assertThrows(ApiException.class, () -> admission.run(() -> "third"));
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos(), "turned away without the wait");
        assertEquals(Reason.IDENTIFY_BUSY.name(), busy.code());
        assertThrows(ApiException.class, admission::refuseIfFull, "and before its images are processed");
        assertEquals(2.0, metrics.counter("safepassage.identify.turned_away", "why", "queue_full").count());

        finish.countDown();
        assertEquals("first", first.get(5, TimeUnit.SECONDS));
        assertEquals("queued", queued.get(5, TimeUnit.SECONDS), "the queued search ran once the place freed");
    }

    @Test
    void a_search_that_fails_gives_its_place_back() {
        final SearchAdmission admission = new SearchAdmission(1, 0, Duration.ZERO, metrics);
        assertThrows(IllegalStateException.class, () -> admission.run(() -> {
            throw new IllegalStateException("the search failed");
        }));
        assertEquals("next", admission.run(() -> "next"));
    }

    @Test
    void as_many_searches_as_allowed_run_together() throws Exception {
        final SearchAdmission admission = new SearchAdmission(2, 0, Duration.ofSeconds(5), metrics);
        final CountDownLatch bothIn = new CountDownLatch(2);
        final Runnable search = () -> admission.run(() -> {
            bothIn.countDown();
            await(bothIn);
            return null;
        });
        final CompletableFuture<Void> one = CompletableFuture.runAsync(search);
        final CompletableFuture<Void> two = CompletableFuture.runAsync(search);
        CompletableFuture.allOf(one, two).get(5, TimeUnit.SECONDS);
        assertEquals(0.0, metrics.find("safepassage.identify.turned_away").counters().size());
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
