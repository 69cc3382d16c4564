package org.safepassage.ledger.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hyperledger.fabric.protos.peer.TxValidationCode.DUPLICATE_TXID;
import static org.hyperledger.fabric.protos.peer.TxValidationCode.MVCC_READ_CONFLICT;
import static org.hyperledger.fabric.protos.peer.TxValidationCode.PHANTOM_READ_CONFLICT;
import static org.hyperledger.fabric.protos.peer.TxValidationCode.VALID;
import static org.safepassage.ledger.sim.Fixtures.ALICE;
import static org.safepassage.ledger.sim.Fixtures.CLOCK;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Block validation, events and history, as a committing peer applies them. */
class CommitTest {
    private final LedgerSimulator ledger = new LedgerSimulator(CLOCK);

    private Endorsement increment() {
        return ledger.simulate(Proposal.of(ALICE, "kv:Increment", "counter"));
    }

    private String counter() {
        return ledger.worldState().get("counter").map(VersionedValue::valueAsString).orElse("<none>");
    }

    @Nested
    class Mvcc {
        @Test
        void two_increments_of_the_same_key_in_one_block_let_only_the_first_through() {
            final Endorsement first = increment();
            final Endorsement second = increment();

            final BlockResult block = ledger.commit(first, second);

            assertThat(block.validationCodes()).containsExactly(VALID, MVCC_READ_CONFLICT);
            assertThat(block.blockNumber()).isEqualTo(1);
            assertThat(counter()).isEqualTo("1");
            assertThat(ledger.worldState().get("counter").orElseThrow().version()).isEqualTo(new Version(1, 0));
        }

        @Test
        void an_endorsement_made_before_another_commit_conflicts_in_the_next_block() {
            final Endorsement first = increment();
            final Endorsement second = increment();

            assertThat(ledger.commit(first).code(0)).isEqualTo(VALID);
            assertThat(ledger.commit(second).code(0)).isEqualTo(MVCC_READ_CONFLICT);
            assertThat(ledger.lastBlockNumber()).isEqualTo(2);
            assertThat(counter()).isEqualTo("1");
        }

        @Test
        void sequential_submits_each_see_the_previous_commit() {
            for (int i = 0; i < 3; i++) {
                assertThat(ledger.submit(Proposal.of(ALICE, "kv:Increment", "counter")).isValid()).isTrue();
            }
            assertThat(counter()).isEqualTo("3");
            assertThat(ledger.blockHeight()).isEqualTo(4);
        }

        @Test
        void an_invalid_transaction_leaves_later_ones_in_the_block_unaffected() {
            final Endorsement first = increment();
            final Endorsement conflicting = increment();
            final Endorsement unrelated = ledger.simulate(Proposal.of(ALICE, "kv:Put", "other", "x"));

            final BlockResult block = ledger.commit(first, conflicting, unrelated);

            assertThat(block.validationCodes()).containsExactly(VALID, MVCC_READ_CONFLICT, VALID);
            assertThat(ledger.worldState().get("other").orElseThrow().version()).isEqualTo(new Version(1, 2));
        }

        @Test
        void a_range_scan_overtaken_by_an_insert_into_the_range_is_a_phantom_read() {
            ledger.submit(ALICE, "kv:Put", "k1", "a");
            final Endorsement count = ledger.simulate(Proposal.of(ALICE, "kv:RangeCount", "k", "l"));
            final Endorsement insert = ledger.simulate(Proposal.of(ALICE, "kv:Put", "k2", "b"));
            final Endorsement outside = ledger.simulate(Proposal.of(ALICE, "kv:Put", "z9", "c"));

            assertThat(ledger.commit(outside).code(0)).isEqualTo(VALID);
            assertThat(ledger.commit(insert, count).validationCodes()).containsExactly(VALID, PHANTOM_READ_CONFLICT);
        }

        @Test
        void a_range_scan_is_valid_when_nothing_in_its_range_changed() {
            ledger.submit(ALICE, "kv:Put", "k1", "a");
            final Endorsement count = ledger.simulate(Proposal.of(ALICE, "kv:RangeCount", "k", "l"));
            ledger.submit(ALICE, "kv:Put", "m1", "outside");

            assertThat(ledger.commit(count).code(0)).isEqualTo(VALID);
        }
    }

    @Nested
    class TransactionIds {
        @Test
        void the_same_transaction_twice_in_one_block_is_a_duplicate() {
            final Proposal proposal = Proposal.of(ALICE, "kv:Put", "k", "v");
            final Endorsement once = ledger.simulate(proposal);
            final Endorsement again = ledger.simulate(proposal);

            assertThat(ledger.commit(once, again).validationCodes()).containsExactly(VALID, DUPLICATE_TXID);
        }

        @Test
        void a_transaction_id_already_on_the_ledger_is_a_duplicate_even_if_it_was_invalid() {
            final Proposal proposal = Proposal.of(ALICE, "kv:Increment", "counter");
            final Endorsement winner = increment();
            final Endorsement loser = ledger.simulate(proposal);
            final Endorsement loserAgain = ledger.simulate(proposal);
            ledger.commit(winner);

            assertThat(ledger.commit(loser).code(0)).isEqualTo(MVCC_READ_CONFLICT);
            assertThat(ledger.commit(loserAgain).code(0)).isEqualTo(DUPLICATE_TXID);
        }

        @Test
        void the_endorser_refuses_a_proposal_whose_id_is_on_the_ledger() {
            final Proposal proposal = Proposal.of(ALICE, "kv:Put", "k", "v");
            assertThat(ledger.submit(proposal).isValid()).isTrue();

            final Endorsement replay = ledger.simulate(proposal);

            assertThat(replay.status()).isEqualTo(500);
            assertThat(replay.message()).contains("duplicate transaction found").contains(proposal.txId());
            assertThat(replay.readWriteSet()).isEqualTo(ReadWriteSet.EMPTY);
        }

        @Test
        void an_empty_block_is_refused() {
            assertThatThrownBy(() -> ledger.commitBlock(List.of())).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Events {
        @Test
        void only_valid_transactions_deliver_their_last_event_with_block_and_tx_id() {
            final List<CommittedEvent> received = new CopyOnWriteArrayList<>();
            ledger.addEventListener(received::add);
            final Endorsement first = increment();
            final Endorsement conflicting = increment();
            final Endorsement failed = ledger.simulate(Proposal.of(ALICE, "kv:Fail", "boom"));

            ledger.commit(first, conflicting, failed);

            assertThat(received).containsExactly(
                    new CommittedEvent(1, first.txId(), new ContractEvent("Incremented", Fixtures.utf8("counter=1"))));
            assertThat(conflicting.event()).as("the endorsement still carries it").isNotNull();
        }

        @Test
        void a_failing_listener_does_not_stop_the_commit_or_other_listeners() {
            final List<CommittedEvent> received = new CopyOnWriteArrayList<>();
            ledger.addEventListener(event -> {
                throw new IllegalStateException("listener bug");
            });
            ledger.addEventListener(received::add);

            final Result result = ledger.submit(ALICE, "kv:Put", "k", "v");

            assertThat(result.isValid()).isTrue();
            assertThat(received).extracting(e -> e.event().name()).containsExactly("Put");
        }

        @Test
        void a_removed_listener_hears_nothing_more() {
            final List<CommittedEvent> received = new CopyOnWriteArrayList<>();
            final java.util.function.Consumer<CommittedEvent> listener = received::add;
            ledger.addEventListener(listener);
            ledger.submit(ALICE, "kv:Put", "k", "1");
            ledger.removeEventListener(listener);
            ledger.submit(ALICE, "kv:Put", "k", "2");

            assertThat(received).hasSize(1);
        }
    }

    @Nested
    class History {
        @Test
        void history_for_key_lists_committed_values_newest_first_with_deletes() {
            ledger.submit(ALICE, "kv:Put", "doc", "v1");
            ledger.submit(ALICE, "kv:Put", "doc", "v2");
            ledger.submit(ALICE, "kv:Delete", "doc");
            ledger.submit(ALICE, "kv:Put", "doc", "v3");
            ledger.commit(ledger.simulate(Proposal.of(ALICE, "kv:Fail", "not recorded")));

            final Endorsement history = ledger.evaluate(ALICE, "kv:History", "doc");

            assertThat(history.payloadAsString()).isEqualTo("v3,<deleted>,v2,v1");
            assertThat(history.readWriteSet().reads()).as("history queries are not validated").isEmpty();
            assertThat(ledger.worldState().history("doc")).first().satisfies(entry -> {
                assertThat(entry.version()).isEqualTo(new Version(4, 0));
                assertThat(entry.getTimestamp()).isEqualTo(Fixtures.NOW);
            });
        }
    }
}
