package org.safepassage.chaincode.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.grpc.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hyperledger.fabric.client.Checkpoint;
import org.hyperledger.fabric.client.Checkpointer;
import org.hyperledger.fabric.client.FileCheckpointer;
import org.hyperledger.fabric.client.InMemoryCheckpointer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.InOrder;
import org.safepassage.chaincode.client.ScriptedEvents.Raw;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.chaincode.model.LedgerEvent;

class LedgerEventsTest {
    static final String TX1 = Records.REQUEST_ID;
    static final String TX2 = Records.CROSSING_ID;
    static final LedgerEvent REQUESTED = LedgerEvent.of(EventType.CROSSING_REQUESTED, Records.request(), List.of());
    static final LedgerEvent RECORDED = LedgerEvent.of(Records.crossing(), List.of(Records.alert()));

    final ScriptedEvents stream = new ScriptedEvents();

    static List<ReceivedEvent> drain(final EventStream events) {
        final List<ReceivedEvent> received = new ArrayList<>();
        events.forEachRemaining(received::add);
        return received;
    }

    @Nested
    class Opening {
        @Test
        void from_a_block_sets_the_start_block_and_keeps_the_position_in_memory() {
            final EventStream events = stream.events().fromBlock(7);

            final InOrder order = inOrder(stream.request);
            order.verify(stream.request).startBlock(7);
            order.verify(stream.request).checkpoint(events.checkpointer());
            assertThat(events.checkpointer()).isInstanceOf(InMemoryCheckpointer.class);
        }

        @Test
        void resuming_passes_the_checkpointer_and_no_start_block() {
            final Checkpointer checkpointer = new InMemoryCheckpointer();

            final EventStream events = stream.events().resume(checkpointer);

            verify(stream.request, never()).startBlock(anyLong());
            verify(stream.request).checkpoint(checkpointer);
            assertThat(events.checkpointer()).isSameAs(checkpointer);
        }

        @Test
        void resuming_with_a_first_block_sets_it_before_the_checkpoint_so_a_stored_position_wins() {
            final Checkpointer checkpointer = new InMemoryCheckpointer();

            stream.events().resume(checkpointer, 3);

            final InOrder order = inOrder(stream.request);
            order.verify(stream.request).startBlock(3);
            order.verify(stream.request).checkpoint(checkpointer);
        }

        @Test
        void rejects_a_negative_start_block_or_a_null_checkpointer() {
            assertThatThrownBy(() -> stream.events().fromBlock(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> stream.events().resume(null)).isInstanceOf(NullPointerException.class);
            verify(stream.request, never()).checkpoint(any(Checkpoint.class));
        }
    }

    @Nested
    class Decoding {
        @Test
        void yields_each_event_with_its_block_and_transaction() {
            stream.add(Raw.of(5, TX1, REQUESTED)).add(Raw.of(6, TX2, RECORDED));

            final List<ReceivedEvent> received = drain(stream.events().fromBlock(0));

            assertThat(received).containsExactly(new ReceivedEvent(5, TX1, REQUESTED), new ReceivedEvent(6, TX2, RECORDED));
            assertThat(received.get(1).type()).isEqualTo(EventType.CROSSING_RECORDED);
            assertThat(received.get(1).event().alerts()).containsExactly(Records.alert());
        }

        @Test
        void skips_an_unknown_event_name_a_bad_payload_and_a_payload_of_another_type() {
            stream.add(Raw.of(5, TX1, "SomethingNew", "{}"))
                    .add(Raw.of(5, TX2, "CrossingRequested", "{\"type\":\"CROSSING_REQUESTED\""))
                    .add(Raw.of(6, TX1, "CrossingRecorded", "{\"type\":\"CROSSING_REQUESTED\",\"subjectId\":\""
                            + Records.SUBJECT_ID + "\"}"))
                    .add(Raw.of(7, TX2, RECORDED));

            assertThat(drain(stream.events().fromBlock(0))).containsExactly(new ReceivedEvent(7, TX2, RECORDED));
        }

        static Stream<Arguments> undecodable() {
            final String wrongType = "{\"subjectId\":\"" + Records.SUBJECT_ID + "\",\"type\":\"CROSSING_REQUESTED\"}";
            return Stream.of(
                    Arguments.of(Raw.of(5, TX1, "SomethingNew", "{}"), "unknown event name"),
                    Arguments.of(Raw.of(5, TX1, "CrossingRequested", "{\"type\":"), "not a valid LedgerEvent"),
                    Arguments.of(Raw.of(5, TX1, "CrossingRequested", ""), "not a valid LedgerEvent"),
                    Arguments.of(Raw.of(5, TX1, "CrossingRecorded", wrongType), "of type CROSSING_REQUESTED"));
        }

        @ParameterizedTest
        @MethodSource("undecodable")
        void a_strict_stream_throws_on_an_undecodable_event_and_then_carries_on(final Raw bad, final String reason) {
            stream.add(bad).add(Raw.of(6, TX2, RECORDED));
            final EventStream events = stream.events().strict().fromBlock(0);

            assertThatThrownBy(events::next).isInstanceOfSatisfying(LedgerException.class, e -> {
                assertThat(e).hasMessageContaining(bad.getEventName()).hasMessageContaining("block 5")
                        .hasMessageContaining(reason);
                assertThat(e.getTransactionId()).contains(TX1);
            });
            assertThat(events.next()).isEqualTo(new ReceivedEvent(6, TX2, RECORDED));
        }
    }

    @Nested
    class Checkpointing {
        @Test
        void checkpointing_an_event_stores_its_block_and_transaction() {
            stream.add(Raw.of(5, TX1, REQUESTED));
            final EventStream events = stream.events().fromBlock(0);

            events.checkpoint(events.next());

            assertThat(events.checkpointer().getBlockNumber()).hasValue(5);
            assertThat(events.checkpointer().getTransactionId()).contains(TX1);
        }

        @Test
        void a_file_checkpointer_remembers_the_position_for_the_next_resume(@TempDir final Path dir) throws Exception {
            stream.add(Raw.of(9, TX2, RECORDED));
            try (FileCheckpointer checkpointer = new FileCheckpointer(dir.resolve("events.json"))) {
                final EventStream events = stream.events().resume(checkpointer, 0);
                events.checkpoint(events.next());
            }

            try (FileCheckpointer reopened = new FileCheckpointer(dir.resolve("events.json"))) {
                assertThat(reopened.getBlockNumber()).hasValue(9);
                assertThat(reopened.getTransactionId()).contains(TX2);
            }
        }
    }

    @Nested
    class Ending {
        @Test
        void a_closed_stream_has_no_more_events() {
            stream.add(Raw.of(5, TX1, REQUESTED));
            final EventStream events = stream.events().fromBlock(0);

            events.close();

            assertThat(stream.isClosed()).isTrue();
            assertThat(events.hasNext()).isFalse();
            assertThatThrownBy(events::next).isInstanceOf(NoSuchElementException.class);
        }

        @Test
        @Timeout(10)
        void closing_from_another_thread_ends_a_consumer_waiting_for_the_next_event() throws Exception {
            stream.add(Raw.of(5, TX1, REQUESTED)).thenWait();
            final EventStream events = stream.events().fromBlock(0);
            final CompletableFuture<List<ReceivedEvent>> consumer = CompletableFuture.supplyAsync(() -> drain(events));

            assertThat(stream.awaitReader()).isTrue();
            assertThat(consumer).isNotDone();
            events.close();

            assertThat(consumer.get(5, TimeUnit.SECONDS)).containsExactly(new ReceivedEvent(5, TX1, REQUESTED));
        }

        @Test
        void a_lost_connection_ends_the_stream_as_unavailable() {
            stream.add(Raw.of(5, TX1, REQUESTED)).thenFail(Status.Code.UNAVAILABLE);
            final EventStream events = stream.events().fromBlock(0);

            assertThat(events.next().transactionId()).isEqualTo(TX1);
            assertThatThrownBy(events::hasNext).isInstanceOf(LedgerUnavailableException.class)
                    .hasMessageContaining(ScriptedLedger.CHAINCODE);
        }
    }
}
