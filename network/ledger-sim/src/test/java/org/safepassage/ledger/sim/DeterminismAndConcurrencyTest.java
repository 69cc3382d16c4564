package org.safepassage.ledger.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safepassage.ledger.sim.Fixtures.ALICE;
import static org.safepassage.ledger.sim.Fixtures.CLOCK;
import static org.safepassage.ledger.sim.Fixtures.utf8;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;

class DeterminismAndConcurrencyTest {

    /** Runs the same fixed-nonce script and returns every endorsement, committed or not. */
    private static List<Endorsement> script(final LedgerSimulator ledger) {
        final List<Endorsement> endorsements = new ArrayList<>();
        final String[][] steps = {
            {"kv:Put", "counter", "41"},
            {"kv:Tag", "alice", "passport"},
            {"kv:Increment", "counter"},
            {"kv:RangeCount", "a", "z"},
            {"kv:Tags", "alice"},
        };
        for (int i = 0; i < steps.length; i++) {
            final Proposal proposal = Proposal.builder(ALICE, steps[i][0])
                    .args(List.of(steps[i]).subList(1, steps[i].length))
                    .nonce(utf8("nonce-" + i))
                    .build();
            final Endorsement endorsement = ledger.simulate(proposal);
            if (i < 3) {
                assertThat(ledger.commit(endorsement).code(0)).isEqualTo(TxValidationCode.VALID);
            }
            endorsements.add(endorsement);
        }
        return endorsements;
    }

    @Test
    void the_same_proposals_on_two_fresh_simulators_give_identical_endorsements() {
        final List<Endorsement> first = script(new LedgerSimulator(CLOCK));
        final List<Endorsement> second = script(new LedgerSimulator(CLOCK));

        for (int i = 0; i < first.size(); i++) {
            final Endorsement a = first.get(i);
            final Endorsement b = second.get(i);
            assertThat(a.readWriteSet().toByteArray()).as("rwset of step %d", i).isEqualTo(b.readWriteSet().toByteArray());
            assertThat(a.readWriteSet()).isEqualTo(b.readWriteSet());
            assertThat(a.payload()).as("payload of step %d", i).isEqualTo(b.payload());
            assertThat(a.event()).as("event of step %d", i).isEqualTo(b.event());
            assertThat(a.txId()).isEqualTo(b.txId());
            assertThat(a.timestamp()).isEqualTo(b.timestamp());
        }
        assertThat(first.get(2).event()).isEqualTo(new ContractEvent("Incremented", utf8("counter=42")));
        assertThat(first.get(3).readWriteSet().rangeQueries()).isNotEmpty();
    }

    @Test
    void state_dependent_read_sets_differ_when_the_history_differs() {
        final LedgerSimulator other = new LedgerSimulator(CLOCK);
        other.submit(ALICE, "kv:Put", "unrelated", "x"); // shifts every later block number by one

        final List<Endorsement> shifted = script(other);
        final List<Endorsement> baseline = script(new LedgerSimulator(CLOCK));

        assertThat(shifted.get(2).readWriteSet().toByteArray())
                .isNotEqualTo(baseline.get(2).readWriteSet().toByteArray());
    }

    @Test
    void transaction_id_is_hex_sha256_of_nonce_then_creator() throws Exception {
        final MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(utf8("nonce"));
        sha256.update(ALICE.serialized());

        final Proposal proposal = Proposal.builder(ALICE, "kv:Get").nonce(utf8("nonce")).build();

        assertThat(proposal.txId()).isEqualTo(HexFormat.of().formatHex(sha256.digest()));
        assertThat(Proposal.of(ALICE, "kv:Get").txId()).as("random nonce").isNotEqualTo(proposal.txId());
        assertThat(Proposal.builder(ALICE, "kv:Get").txId("fixed").build().txId()).isEqualTo("fixed");

        sha256.update(utf8("nonce"));
        sha256.update(ALICE.serialized());
        sha256.update(new byte[8]); // epoch 0 as little-endian uint64
        assertThat(proposal.binding()).isEqualTo(sha256.digest());
    }

    @Test
    void concurrent_submits_never_lose_an_update() throws Exception {
        final LedgerSimulator ledger = new LedgerSimulator(CLOCK);
        final ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            final List<Future<TxValidationCode>> futures = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                futures.add(pool.submit(() -> ledger.submit(ALICE, "kv:Increment", "counter").validationCode()));
            }
            long valid = 0;
            for (Future<TxValidationCode> future : futures) {
                final TxValidationCode code = future.get(60, TimeUnit.SECONDS);
                assertThat(code).isIn(TxValidationCode.VALID, TxValidationCode.MVCC_READ_CONFLICT);
                valid += code == TxValidationCode.VALID ? 1 : 0;
            }
            assertThat(valid).isPositive();
            assertThat(ledger.worldState().get("counter").orElseThrow().valueAsString())
                    .isEqualTo(Long.toString(valid));
            assertThat(ledger.worldState().history("counter")).hasSize((int) valid);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void committing_from_inside_a_simulation_is_refused_instead_of_deadlocking() {
        final LedgerSimulator ledger = new LedgerSimulator(CLOCK);
        final Endorsement endorsement = ledger.simulate(Proposal.of(ALICE, "kv:Put", "k", "v"));

        try (WorldState.Snapshot snapshot = ledger.worldState().snapshot()) {
            assertThat(snapshot.get("k")).isNull();
            assertThatThrownBy(() -> ledger.commit(endorsement)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(ledger.commit(endorsement).code(0)).isEqualTo(TxValidationCode.VALID);
    }

    @Test
    void proposals_copy_their_inputs() {
        final byte[] arg = utf8("original");
        final Proposal proposal = Proposal.builder(ALICE, "kv:Get").byteArgs(arg).build();
        arg[0] = 'X';

        assertThat(proposal.stringArgs()).containsExactly("original");
        assertThat(proposal.transientMap()).isEqualTo(Map.of());
    }
}
