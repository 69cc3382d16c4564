package org.safepassage.ledger.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.ledger.sim.Fixtures.ALICE;
import static org.safepassage.ledger.sim.Fixtures.BOB;
import static org.safepassage.ledger.sim.Fixtures.CLOCK;
import static org.safepassage.ledger.sim.Fixtures.NOW;
import static org.safepassage.ledger.sim.Fixtures.utf8;

import java.time.Instant;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Simulation through the real ContractRouter: what the contract sees and what the endorsement carries. */
class EndorsementTest {
    private final LedgerSimulator ledger = new LedgerSimulator("border", "PeerOrgMSP", CLOCK);

    @Nested
    class Routing {
        @Test
        void arguments_reach_the_contract_and_its_result_comes_back_as_payload() {
            assertThat(ledger.submit(ALICE, "kv:Put", "child-1", "registered").isValid()).isTrue();

            final Endorsement read = ledger.evaluate(BOB, "kv:Get", "child-1");

            assertThat(read.status()).isEqualTo(200);
            assertThat(read.payloadAsString()).isEqualTo("registered");
        }

        @Test
        void chaincode_exception_becomes_a_500_with_its_message_and_payload() {
            final Endorsement failed = ledger.simulate(Proposal.of(ALICE, "kv:Fail", "guardian consent missing"));

            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.isSuccess()).isFalse();
            assertThat(failed.message()).isEqualTo("guardian consent missing");
            assertThat(failed.payloadAsString()).isEqualTo("details:guardian consent missing");
        }

        @Test
        void unknown_transaction_is_a_500_and_nothing_is_committed_by_submit() {
            final Result result = ledger.submit(ALICE, "kv:NoSuchThing");

            assertThat(result.status()).isEqualTo(500);
            assertThat(result.validationCode()).isEqualTo(TxValidationCode.NOT_VALIDATED);
            assertThat(result.isCommitted()).isFalse();
            assertThat(ledger.lastBlockNumber()).isZero();
        }

        @Test
        void the_system_contract_serves_metadata_listing_the_test_contract() {
            final Endorsement metadata = ledger.evaluate(ALICE, "org.hyperledger.fabric:GetMetadata");

            assertThat(metadata.status()).isEqualTo(200);
            assertThat(metadata.payloadAsString()).contains("\"kv\"").contains("Increment");
        }

        @Test
        void client_identity_in_the_contract_is_the_proposal_creator() {
            assertThat(ledger.evaluate(ALICE, "kv:Whoami").payloadAsString()).isEqualTo("GuardianOrgMSP:guard");
            assertThat(ledger.evaluate(BOB, "kv:Whoami").payloadAsString()).isEqualTo("GuardianOrgMSP:null");
        }

        @Test
        void stub_exposes_tx_id_clock_time_channel_peer_msp_and_transient_data() {
            final Proposal proposal = Proposal.builder(ALICE, "kv:TxInfo")
                    .transientData("secret", utf8("photo-hash"))
                    .build();

            final Endorsement endorsement = ledger.evaluate(proposal);

            assertThat(endorsement.payloadAsString())
                    .isEqualTo(proposal.txId() + "|" + NOW + "|border|PeerOrgMSP|photo-hash");
            assertThat(endorsement.timestamp()).isEqualTo(NOW);
        }

        @Test
        void a_fixed_proposal_timestamp_overrides_the_clock() {
            final Instant fixed = Instant.parse("2024-12-24T18:30:00.123456789Z");

            final Endorsement endorsement =
                    ledger.evaluate(Proposal.builder(ALICE, "kv:TxInfo").timestamp(fixed).build());

            assertThat(endorsement.payloadAsString()).contains("|" + fixed + "|");
            assertThat(endorsement.timestamp()).isEqualTo(fixed);
        }
    }

    @Nested
    class ReadWriteSets {
        @Test
        void simulation_records_reads_and_writes_without_touching_state() {
            ledger.submit(ALICE, "kv:Put", "counter", "41");

            final Endorsement endorsement = ledger.simulate(Proposal.of(ALICE, "kv:Increment", "counter"));

            assertThat(endorsement.payloadAsString()).isEqualTo("42");
            assertThat(endorsement.readWriteSet().reads())
                    .containsExactly(new ReadWriteSet.Read("counter", new Version(1, 0)));
            assertThat(endorsement.readWriteSet().writes())
                    .containsExactly(new ReadWriteSet.Write("counter", utf8("42")));
            assertThat(ledger.worldState().get("counter").orElseThrow().valueAsString()).isEqualTo("41");
        }

        @Test
        void the_contract_does_not_read_its_own_writes() {
            ledger.submit(ALICE, "kv:Put", "status", "pending");

            final Endorsement endorsement = ledger.simulate(Proposal.of(ALICE, "kv:PutThenGet", "status", "approved"));

            assertThat(endorsement.payloadAsString()).isEqualTo("pending");
            assertThat(endorsement.readWriteSet().write("status").orElseThrow().valueAsString()).isEqualTo("approved");
        }

        @Test
        void a_failed_transaction_still_reports_what_it_tried_to_write() {
            final Endorsement failed = ledger.simulate(Proposal.of(ALICE, "kv:Fail", "no"));

            assertThat(failed.readWriteSet().write("written-before-failure")).isPresent();
            assertThat(ledger.commit(failed).code(0)).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
            assertThat(ledger.worldState().get("written-before-failure")).isEmpty();
        }

        @Test
        void composite_keys_and_partial_key_queries_work_through_the_contract() {
            ledger.submit(ALICE, "kv:Tag", "alice", "passport");
            ledger.submit(ALICE, "kv:Tag", "alice", "visa");
            ledger.submit(ALICE, "kv:Tag", "alicia", "ticket");

            final Endorsement tags = ledger.evaluate(ALICE, "kv:Tags", "alice");

            assertThat(tags.payloadAsString()).isEqualTo("passport=passport,visa=visa");
            assertThat(tags.rangeQueries()).singleElement().satisfies(query -> {
                assertThat(query.startKey()).isEqualTo("\u0000tag\u0000alice\u0000");
                assertThat(query.endKey()).isEqualTo("\u0000tag\u0000alice\u0000\udbff\udfff");
                assertThat(query.results()).hasSize(2);
            });
        }

        @Test
        void kv_rw_set_protobuf_has_reads_with_versions_writes_and_range_raw_reads() throws Exception {
            ledger.submit(ALICE, "kv:Put", "a", "1");
            ledger.submit(ALICE, "kv:Put", "b", "2");

            final Endorsement count = ledger.simulate(Proposal.of(ALICE, "kv:RangeCount", "a", "z"));
            final Endorsement delete = ledger.simulate(Proposal.of(ALICE, "kv:Delete", "a"));

            final KVRWSet scan = KVRWSet.parseFrom(count.readWriteSet().toByteArray());
            assertThat(count.payloadAsString()).isEqualTo("2");
            assertThat(scan.getRangeQueriesInfo(0).getItrExhausted()).isTrue();
            assertThat(scan.getRangeQueriesInfo(0).getRawReads().getKvReadsList())
                    .extracting(r -> r.getKey() + "@" + r.getVersion().getBlockNum() + ":" + r.getVersion().getTxNum())
                    .containsExactly("a@1:0", "b@2:0");
            assertThat(delete.kvRwSet().getWrites(0).getIsDelete()).isTrue();
            assertThat(delete.kvRwSet().getWrites(0).getKey()).isEqualTo("a");
        }
    }
}
