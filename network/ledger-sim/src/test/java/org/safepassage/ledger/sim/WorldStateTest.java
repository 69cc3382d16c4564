package org.safepassage.ledger.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hyperledger.fabric.protos.peer.TxValidationCode.ENDORSEMENT_POLICY_FAILURE;
import static org.hyperledger.fabric.protos.peer.TxValidationCode.MVCC_READ_CONFLICT;
import static org.hyperledger.fabric.protos.peer.TxValidationCode.PHANTOM_READ_CONFLICT;
import static org.hyperledger.fabric.protos.peer.TxValidationCode.VALID;
import static org.safepassage.ledger.sim.Fixtures.NOW;
import static org.safepassage.ledger.sim.Fixtures.seed;
import static org.safepassage.ledger.sim.Fixtures.utf8;

import java.util.List;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;

class WorldStateTest {
    private final WorldState state = new WorldState();

    private static WorldState.BlockTx tx(final String txId, final ReadWriteSet rwSet) {
        return new WorldState.BlockTx(txId, NOW, rwSet, VALID);
    }

    private static ReadWriteSet rw(
            final List<ReadWriteSet.Read> reads, final List<ReadWriteSet.Write> writes) {
        return new ReadWriteSet(reads, List.of(), writes, List.of());
    }

    @Test
    void writes_are_applied_at_block_and_transaction_index() {
        final List<TxValidationCode> codes = state.commit(
                3,
                List.of(
                        new WorldState.BlockTx("bad", NOW, rw(List.of(), List.of(write("x", "0"))), ENDORSEMENT_POLICY_FAILURE),
                        tx("t1", rw(List.of(), List.of(write("x", "1")))),
                        tx("t2", rw(List.of(), List.of(write("y", "2"))))));

        assertThat(codes).containsExactly(ENDORSEMENT_POLICY_FAILURE, VALID, VALID);
        assertThat(state.get("x")).get().extracting(VersionedValue::version).isEqualTo(new Version(3, 1));
        assertThat(state.get("x")).get().extracting(VersionedValue::valueAsString).isEqualTo("1");
        assertThat(state.get("y")).get().extracting(VersionedValue::version).isEqualTo(new Version(3, 2));
    }

    @Test
    void a_stale_read_or_a_read_of_a_key_changed_earlier_in_the_block_conflicts() {
        seed(state, 1, "k", "v");
        final ReadWriteSet.Read current = new ReadWriteSet.Read("k", new Version(1, 0));

        final List<TxValidationCode> codes = state.commit(
                2,
                List.of(
                        tx("t0", rw(List.of(new ReadWriteSet.Read("k", new Version(0, 9))), List.of())),
                        tx("t1", rw(List.of(current), List.of(write("k", "w")))),
                        tx("t2", rw(List.of(current), List.of()))));

        assertThat(codes).containsExactly(MVCC_READ_CONFLICT, VALID, MVCC_READ_CONFLICT);
    }

    @Test
    void deleting_a_missing_key_still_invalidates_later_reads_of_it_in_the_block() {
        final ReadWriteSet.Read absent = new ReadWriteSet.Read("ghost", null);

        final List<TxValidationCode> codes = state.commit(
                1,
                List.of(
                        tx("t0", rw(List.of(), List.of(new ReadWriteSet.Write("ghost", null)))),
                        tx("t1", rw(List.of(absent), List.of()))));

        assertThat(codes).containsExactly(VALID, MVCC_READ_CONFLICT);
    }

    @Test
    void a_range_that_would_now_return_other_keys_is_a_phantom() {
        seed(state, 1, "a", "1", "c", "3");
        final ReadWriteSet.RangeQuery scan = new ReadWriteSet.RangeQuery(
                "a", "d", true,
                List.of(new ReadWriteSet.Read("a", new Version(1, 0)), new ReadWriteSet.Read("c", new Version(1, 0))));
        final ReadWriteSet scanOnly = new ReadWriteSet(List.of(), List.of(scan), List.of(), List.of());

        final List<TxValidationCode> codes = state.commit(
                2,
                List.of(
                        tx("t0", scanOnly),
                        tx("t1", rw(List.of(), List.of(write("b", "2")))),
                        tx("t2", scanOnly)));

        assertThat(codes).containsExactly(VALID, VALID, PHANTOM_READ_CONFLICT);
    }

    @Test
    void metadata_is_kept_on_value_writes_and_ignored_for_missing_keys() {
        seed(state, 1, "k", "v");
        final ReadWriteSet metadata = new ReadWriteSet(
                List.of(),
                List.of(),
                List.of(),
                List.of(
                        new ReadWriteSet.MetadataWrite("k", utf8("policy")),
                        new ReadWriteSet.MetadataWrite("missing", utf8("policy"))));
        state.commit(2, List.of(tx("meta", metadata)));
        state.commit(3, List.of(tx("value", rw(List.of(), List.of(write("k", "w"))))));

        assertThat(state.get("k").orElseThrow().validationParameter()).isEqualTo(utf8("policy"));
        assertThat(state.get("k").orElseThrow().version()).isEqualTo(new Version(3, 0));
        assertThat(state.get("missing")).isEmpty();
    }

    @Test
    void history_lists_valid_writes_newest_first_including_deletes() {
        seed(state, 1, "k", "v1");
        state.commit(2, List.of(tx("t2", rw(List.of(), List.of(new ReadWriteSet.Write("k", null))))));
        state.commit(3, List.of(tx("t3", rw(List.of(), List.of(write("k", "v3"))))));

        assertThat(state.history("k"))
                .extracting(HistoryEntry::getTxId, HistoryEntry::isDeleted, HistoryEntry::getStringValue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("t3", false, "v3"),
                        org.assertj.core.groups.Tuple.tuple("t2", true, ""),
                        org.assertj.core.groups.Tuple.tuple("seed-1", false, "v1"));
    }

    @Test
    void keys_are_ordered_by_code_point_like_utf8_bytes() {
        seed(state, 1, "\uE000", "private-use", "\uD83D\uDE00", "emoji", "z", "ascii");

        assertThat(state.range("", "").keySet()).containsExactly("z", "\uE000", "\uD83D\uDE00");
        assertThat(KeyOrder.compare("ab", "a")).isPositive();
        assertThat(KeyOrder.compare("a", "ab")).isNegative();
        assertThat(KeyOrder.compare("same", "same")).isZero();
    }

    private static ReadWriteSet.Write write(final String key, final String value) {
        return new ReadWriteSet.Write(key, utf8(value));
    }
}
