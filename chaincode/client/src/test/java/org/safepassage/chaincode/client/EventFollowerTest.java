package org.safepassage.chaincode.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.hyperledger.fabric.client.Checkpointer;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.model.LedgerEvent;

class EventFollowerTest {
    private static final ReceivedEvent FIRST = new ReceivedEvent(1, "tx-1", mock(LedgerEvent.class));
    private static final ReceivedEvent SECOND = new ReceivedEvent(2, "tx-2", mock(LedgerEvent.class));

    @Test
    void reopens_a_failed_stream_and_hands_every_event_to_the_handler() {
        final Deque<EventStream> streams = new ArrayDeque<>(List.of(
                new Scripted(List.of(FIRST), new IllegalStateException("peer gone")),
                new Scripted(List.of(SECOND), null)));
        final List<ReceivedEvent> handled = new CopyOnWriteArrayList<>();
        final List<RuntimeException> interruptions = new CopyOnWriteArrayList<>();
        final List<EventStream> opened = new CopyOnWriteArrayList<>();
        try (EventFollower follower = EventFollower.start("test-follower", () -> {
            if (streams.isEmpty()) {
                throw new IllegalStateException("no more streams");
            }
            return streams.poll();
        }, new EventFollower.Handler() {
            @Override
            public void opened(final EventStream stream) {
                opened.add(stream);
            }

            @Override
            public void handle(final EventStream stream, final ReceivedEvent event) {
                handled.add(event);
            }
        }, Duration.ofMillis(10), interruptions::add)) {
            Awaitility.await("both events handled").atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 2);
            assertThat(handled).containsExactly(FIRST, SECOND);
            assertThat(opened).hasSize(2);
            assertThat(interruptions).first().extracting(Throwable::getMessage).isEqualTo("peer gone");
            assertThat(follower.isRunning()).isTrue();
        }
    }

    @Test
    void close_ends_a_stream_waiting_for_events_and_stops_following() {
        final Scripted waiting = new Scripted(List.of(), null);
        final EventFollower follower = EventFollower.start("test-follower", () -> waiting,
                (stream, event) -> { }, Duration.ofSeconds(30), e -> { });
        Awaitility.await("the stream waiting").atMost(Duration.ofSeconds(10)).until(waiting::isWaiting);

        follower.close();

        assertThat(follower.isRunning()).isFalse();
        assertThat(waiting.closed.getCount()).isZero();
    }

    /* A stream that yields its events, then fails with {@code failure} or, without one, waits until closed. */
    private static final class Scripted implements EventStream {
        final CountDownLatch closed = new CountDownLatch(1);
        private final Deque<ReceivedEvent> events;
        private final RuntimeException failure;
        private volatile boolean waiting;

        Scripted(final List<ReceivedEvent> events, final RuntimeException failure) {
            this.events = new ArrayDeque<>(events);
            this.failure = failure;
        }

        boolean isWaiting() {
            return waiting;
        }

        @Override
        public boolean hasNext() {
            if (!events.isEmpty()) {
                return true;
            }
            if (failure != null) {
                throw failure;
            }
            waiting = true;
            try {
                closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        @Override
        public ReceivedEvent next() {
            if (events.isEmpty()) {
                throw new NoSuchElementException();
            }
            return events.poll();
        }

        @Override
        public void checkpoint(final ReceivedEvent event) {}

        @Override
        public Checkpointer checkpointer() {
            return null;
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }
}
