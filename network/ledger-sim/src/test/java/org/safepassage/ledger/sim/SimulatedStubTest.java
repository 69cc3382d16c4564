package org.safepassage.ledger.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safepassage.ledger.sim.Fixtures.ALICE;
import static org.safepassage.ledger.sim.Fixtures.NOW;
import static org.safepassage.ledger.sim.Fixtures.seed;
import static org.safepassage.ledger.sim.Fixtures.utf8;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Drives the stub directly, without the router, to pin down what a peer records. */
class SimulatedStubTest {
    private final WorldState state = new WorldState();

    @BeforeEach
    void seed_state() {
        seed(state, 1, "a", "1", "b", "2", "c", "3");
    }

    private ReadWriteSet simulate(final Consumer<ChaincodeStub> body) {
        return simulate(Proposal.of(ALICE, "kv:Anything"), body);
    }

    private ReadWriteSet simulate(final Proposal proposal, final Consumer<ChaincodeStub> body) {
        try (WorldState.Snapshot snapshot = state.snapshot()) {
            final SimulatedStub stub = new SimulatedStub("ch", "PeerMSP", proposal, NOW, snapshot);
            body.accept(stub);
            return stub.readWriteSet();
        }
    }

    private static List<String> keys(final Iterable<KeyValue> results) {
        final List<String> keys = new ArrayList<>();
        results.forEach(kv -> keys.add(kv.getKey()));
        return keys;
    }

    @Nested
    class Reads {
        @Test
        void missing_key_reads_as_empty_bytes_and_is_recorded_without_version() {
            final ReadWriteSet rwSet = simulate(stub -> assertThat(stub.getState("nope")).isEmpty());

            assertThat(rwSet.reads()).containsExactly(new ReadWriteSet.Read("nope", null));
        }

        @Test
        void existing_key_is_recorded_with_its_committed_version() {
            final ReadWriteSet rwSet = simulate(stub -> assertThat(stub.getStringState("b")).isEqualTo("2"));

            assertThat(rwSet.reads()).containsExactly(new ReadWriteSet.Read("b", new Version(1, 0)));
        }

        @Test
        void there_is_no_read_your_own_writes() {
            final ReadWriteSet rwSet = simulate(stub -> {
                stub.putStringState("a", "changed");
                stub.putStringState("new", "value");
                assertThat(stub.getStringState("a")).isEqualTo("1");
                assertThat(stub.getState("new")).isEmpty();
            });

            assertThat(rwSet.reads())
                    .containsExactly(new ReadWriteSet.Read("a", new Version(1, 0)), new ReadWriteSet.Read("new", null));
        }
    }

    @Nested
    class Writes {
        @Test
        void last_write_wins_and_writes_are_sorted_by_key() {
            final ReadWriteSet rwSet = simulate(stub -> {
                stub.putStringState("z", "first");
                stub.putStringState("m", "x");
                stub.putStringState("z", "second");
                stub.delState("m");
            });

            assertThat(rwSet.writes())
                    .containsExactly(new ReadWriteSet.Write("m", null), new ReadWriteSet.Write("z", utf8("second")));
            assertThat(rwSet.write("m")).get().extracting(ReadWriteSet.Write::isDelete).isEqualTo(true);
        }

        @Test
        void an_empty_value_is_a_delete_as_on_a_peer() {
            final ReadWriteSet rwSet = simulate(stub -> stub.putState("a", new byte[0]));

            assertThat(rwSet.writes()).containsExactly(new ReadWriteSet.Write("a", null));
        }

        @Test
        void empty_or_null_keys_are_rejected_like_the_shim() {
            simulate(stub -> {
                assertThatThrownBy(() -> stub.putStringState("", "v")).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> stub.putState(null, utf8("v"))).isInstanceOf(NullPointerException.class);
            });
        }

        @Test
        void validation_parameter_is_a_metadata_write_and_reads_record_the_key() {
            final ReadWriteSet rwSet = simulate(stub -> {
                assertThat(stub.getStateValidationParameter("a")).isNull();
                stub.setStateValidationParameter("a", utf8("policy"));
            });

            assertThat(rwSet.metadataWrites()).containsExactly(new ReadWriteSet.MetadataWrite("a", utf8("policy")));
            assertThat(rwSet.reads()).containsExactly(new ReadWriteSet.Read("a", new Version(1, 0)));
            assertThat(rwSet.toProto().getMetadataWrites(0).getEntries(0).getName()).isEqualTo("VALIDATION_PARAMETER");
        }
    }

    @Nested
    class Ranges {
        @Test
        void range_is_start_inclusive_end_exclusive_and_recorded_with_versions() {
            final ReadWriteSet rwSet = simulate(stub -> assertThat(keys(stub.getStateByRange("a", "c")))
                    .containsExactly("a", "b"));

            final ReadWriteSet.RangeQuery query = rwSet.rangeQueries().get(0);
            assertThat(query.startKey()).isEqualTo("a");
            assertThat(query.endKey()).isEqualTo("c");
            assertThat(query.exhausted()).isTrue();
            assertThat(query.results())
                    .containsExactly(
                            new ReadWriteSet.Read("a", new Version(1, 0)), new ReadWriteSet.Read("b", new Version(1, 0)));
            assertThat(rwSet.reads()).as("range results are not point reads").isEmpty();
        }

        @Test
        void open_range_skips_composite_keys_like_the_shim() {
            seed(state, 2, new CompositeKey("tag", "x").toString(), "composite");

            final ReadWriteSet rwSet = simulate(stub -> assertThat(keys(stub.getStateByRange("", null)))
                    .containsExactly("a", "b", "c"));

            assertThat(rwSet.rangeQueries().get(0).startKey()).isEqualTo("\u0001");
            assertThat(rwSet.rangeQueries().get(0).endKey()).isEmpty();
        }

        @Test
        void simple_key_range_refuses_composite_bounds() {
            simulate(stub -> assertThatThrownBy(() -> stub.getStateByRange("\u0000tag\u0000", ""))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("U+000000"));
        }

        @Test
        void partial_composite_key_range_ends_with_max_unicode_rune_and_keeps_keys_in_utf8_order() {
            // U+E000..U+FFFF sort after the surrogates in UTF-16 but before U+10FFFF in UTF-8: they must be found.
            seed(state, 2,
                    new CompositeKey("tag", "alice", "\uE000private").toString(), "p",
                    new CompositeKey("tag", "alice", "book").toString(), "b",
                    new CompositeKey("tag", "alicia", "pen").toString(), "n",
                    new CompositeKey("tags", "alice", "cup").toString(), "c");

            final ReadWriteSet rwSet = simulate(stub -> {
                final List<String> found = new ArrayList<>();
                stub.getStateByPartialCompositeKey("tag", "alice")
                        .forEach(kv -> found.add(stub.splitCompositeKey(kv.getKey()).getAttributes().get(1)));
                assertThat(found).containsExactly("book", "\uE000private");
                assertThat(keys(stub.getStateByPartialCompositeKey(new CompositeKey("tag")))).hasSize(3);
            });

            final String prefix = new CompositeKey("tag", "alice").toString();
            assertThat(prefix).isEqualTo("\u0000tag\u0000alice\u0000");
            assertThat(rwSet.rangeQueries().get(0).startKey()).isEqualTo(prefix);
            assertThat(rwSet.rangeQueries().get(0).endKey()).isEqualTo(prefix + "\udbff\udfff");
        }

        @Test
        void pagination_returns_pages_with_next_key_bookmarks() {
            simulate(stub -> {
                final QueryResultsIteratorWithMetadata<KeyValue> first = stub.getStateByRangeWithPagination("", "", 2, "");
                assertThat(keys(first)).containsExactly("a", "b");
                assertThat(first.getMetadata().getBookmark()).isEqualTo("c");
                assertThat(first.getMetadata().getFetchedRecordsCount()).isEqualTo(2);

                final QueryResultsIteratorWithMetadata<KeyValue> second =
                        stub.getStateByRangeWithPagination("", "", 2, first.getMetadata().getBookmark());
                assertThat(keys(second)).containsExactly("c");
                assertThat(second.getMetadata().getBookmark()).isEmpty();
            });
        }

        @Test
        void an_unfinished_page_records_its_last_key_as_inclusive_end() {
            final ReadWriteSet rwSet = simulate(stub -> stub.getStateByRangeWithPagination("a", "z", 2, ""));

            final ReadWriteSet.RangeQuery query = rwSet.rangeQueries().get(0);
            assertThat(query.exhausted()).isFalse();
            assertThat(query.endKey()).isEqualTo("b");
        }

        @Test
        void paginated_queries_are_only_for_read_only_transactions() {
            simulate(stub -> {
                stub.putStringState("x", "1");
                assertThatThrownBy(() -> stub.getStateByRangeWithPagination("a", "z", 2, ""))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("read-only");
            });
            simulate(stub -> {
                stub.getStateByPartialCompositeKeyWithPagination(new CompositeKey("tag"), 5, "");
                assertThatThrownBy(() -> stub.delState("a")).isInstanceOf(IllegalStateException.class);
            });
        }
    }

    @Nested
    class Transaction {
        @Test
        void only_the_last_event_is_kept_and_blank_names_are_rejected() {
            try (WorldState.Snapshot snapshot = state.snapshot()) {
                final SimulatedStub stub =
                        new SimulatedStub("ch", "PeerMSP", Proposal.of(ALICE, "kv:X"), NOW, snapshot);
                stub.setEvent("first", utf8("1"));
                stub.setEvent("second", null);

                assertThat(stub.contractEvent()).isEqualTo(new ContractEvent("second", new byte[0]));
                assertThat(stub.getEvent().getEventName()).isEqualTo("second");
                assertThatThrownBy(() -> stub.setEvent(" ", utf8("x"))).isInstanceOf(IllegalArgumentException.class);
            }
        }

        @Test
        void proposal_details_reach_the_stub() {
            final Proposal proposal = Proposal.builder(ALICE, "kv:Put")
                    .args("k", "v")
                    .transientData("secret", utf8("s"))
                    .nonce(utf8("fixed-nonce"))
                    .build();
            simulate(proposal, stub -> {
                assertThat(stub.getFunction()).isEqualTo("kv:Put");
                assertThat(stub.getParameters()).containsExactly("k", "v");
                assertThat(stub.getStringArgs()).containsExactly("kv:Put", "k", "v");
                assertThat(stub.getTxId()).isEqualTo(Proposal.computeTxId(utf8("fixed-nonce"), ALICE.serialized()));
                assertThat(stub.getTxId()).hasSize(64);
                assertThat(stub.getTxTimestamp()).isEqualTo(NOW);
                assertThat(stub.getChannelId()).isEqualTo("ch");
                assertThat(stub.getMspId()).isEqualTo("PeerMSP");
                assertThat(stub.getCreator()).isEqualTo(ALICE.serialized());
                assertThat(stub.getTransient()).containsOnlyKeys("secret");
                assertThat(stub.getBinding()).hasSize(32);
                assertThat(stub.getSignedProposal()).isNull();
            });
        }

        @Test
        void unsupported_features_fail_with_a_clear_message() {
            simulate(stub -> {
                assertThatThrownBy(() -> stub.getPrivateData("c", "k"))
                        .isInstanceOf(UnsupportedOperationException.class)
                        .hasMessageContaining("private data");
                assertThatThrownBy(() -> stub.getQueryResult("{}"))
                        .isInstanceOf(UnsupportedOperationException.class)
                        .hasMessageContaining("CouchDB");
                assertThatThrownBy(() -> stub.invokeChaincodeWithStringArgs("other", "f"))
                        .isInstanceOf(UnsupportedOperationException.class);
            });
        }
    }
}
