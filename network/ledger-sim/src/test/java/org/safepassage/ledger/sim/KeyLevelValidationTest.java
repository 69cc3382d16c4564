package org.safepassage.ledger.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hyperledger.fabric.protos.peer.TxValidationCode.DUPLICATE_TXID;
import static org.hyperledger.fabric.protos.peer.TxValidationCode.ENDORSEMENT_POLICY_FAILURE;
import static org.hyperledger.fabric.protos.peer.TxValidationCode.MVCC_READ_CONFLICT;
import static org.hyperledger.fabric.protos.peer.TxValidationCode.VALID;
import static org.safepassage.ledger.sim.Fixtures.ALICE;
import static org.safepassage.ledger.sim.Fixtures.CLOCK;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Endorsement validation as Fabric's committer does it with state-based endorsement: a written key's committed
 * validation parameter, else the chaincode-level policy once per transaction.
 */
class KeyLevelValidationTest {
    /** The chaincode-level policy: organisations A and B. */
    private final LedgerSimulator ledger = new LedgerSimulator("ch", "AMSP", CLOCK,
            SignaturePolicy.compile("AND('AMSP.peer','BMSP.peer')"));

    private BlockResult commit(final Endorsement... endorsements) {
        return ledger.commit(endorsements);
    }

    private Endorsement endorsed(final String orgs, final String function, final String... args) {
        return ledger.simulate(Proposal.of(ALICE, function, args)).endorsedBy(peers(orgs));
    }

    private static List<Signer> peers(final String orgs) {
        return orgs.isEmpty() ? List.of() : Arrays.stream(orgs.split("\\+")).map(Signer::peerOf).toList();
    }

    /** Creates key {@code k}, guarded by A and C, endorsed as the chaincode-level policy needs. */
    private void guardedKey() {
        assertThat(commit(endorsed("AMSP+BMSP", "kv:PutGuarded", "k", "v0", "AMSP+CMSP")).code(0)).isEqualTo(VALID);
        assertThat(ledger.worldState().get("k").orElseThrow().validationParameter()).isNotNull();
    }

    @Nested
    class Creations {
        @Test
        void a_new_key_needs_the_chaincode_level_policy() {
            assertThat(commit(endorsed("AMSP", "kv:Put", "new", "v")).code(0)).isEqualTo(ENDORSEMENT_POLICY_FAILURE);
            assertThat(commit(endorsed("AMSP+BMSP", "kv:Put", "new", "v")).code(0)).isEqualTo(VALID);
        }

        @Test
        void a_new_key_with_a_validation_parameter_still_needs_the_chaincode_level_policy() {
            // the parameter it sets only counts once committed: A and C alone cannot create it
            assertThat(commit(endorsed("AMSP+CMSP", "kv:PutGuarded", "k", "v", "AMSP+CMSP")).code(0))
                    .isEqualTo(ENDORSEMENT_POLICY_FAILURE);
            assertThat(ledger.worldState().get("k")).isEmpty();
        }

        @Test
        void a_transaction_writing_nothing_needs_the_chaincode_level_policy() {
            assertThat(commit(endorsed("AMSP", "kv:Get", "x")).code(0)).isEqualTo(ENDORSEMENT_POLICY_FAILURE);
            assertThat(commit(endorsed("BMSP+AMSP", "kv:Get", "x")).code(0)).isEqualTo(VALID);
        }

        @Test
        void endorsements_by_clients_or_unnamed_organisations_do_not_count() {
            final Endorsement byClients = ledger.simulate(Proposal.of(ALICE, "kv:Put", "c", "v")).endorsedBy(List.of(
                    new Signer("AMSP", "client", "a"), new Signer("BMSP", "client", "b"), Signer.peerOf("CMSP")));

            assertThat(commit(byClients).code(0)).isEqualTo(ENDORSEMENT_POLICY_FAILURE);
        }
    }

    @Nested
    class UpdatesUnderAKeyPolicy {
        @Test
        void an_update_endorsed_by_too_few_of_the_keys_organisations_is_an_endorsement_policy_failure() {
            guardedKey();

            // A and B meet the chaincode-level policy, but the key wants A and C
            assertThat(commit(endorsed("AMSP+BMSP", "kv:Put", "k", "v1")).code(0))
                    .isEqualTo(ENDORSEMENT_POLICY_FAILURE);
            assertThat(commit(endorsed("CMSP", "kv:Put", "k", "v1")).code(0)).isEqualTo(ENDORSEMENT_POLICY_FAILURE);
            assertThat(ledger.evaluate(ALICE, "kv:Get", "k").payloadAsString()).isEqualTo("v0");
        }

        @Test
        void the_keys_organisations_alone_may_update_it_without_the_chaincode_level_policy() {
            guardedKey();

            assertThat(commit(endorsed("AMSP+CMSP", "kv:Put", "k", "v1")).code(0)).isEqualTo(VALID);
            assertThat(ledger.evaluate(ALICE, "kv:Get", "k").payloadAsString()).isEqualTo("v1");
        }

        @Test
        void a_delete_is_a_write_under_the_key_policy() {
            guardedKey();

            assertThat(commit(endorsed("AMSP+BMSP", "kv:Delete", "k")).code(0)).isEqualTo(ENDORSEMENT_POLICY_FAILURE);
            assertThat(commit(endorsed("AMSP+CMSP", "kv:Delete", "k")).code(0)).isEqualTo(VALID);
        }

        @Test
        void writing_a_guarded_key_and_a_new_one_needs_both_policies() {
            guardedKey();

            assertThat(commit(endorsed("AMSP+CMSP", "kv:PutTwo", "k", "other", "v")).code(0))
                    .isEqualTo(ENDORSEMENT_POLICY_FAILURE);
            assertThat(commit(endorsed("AMSP+BMSP", "kv:PutTwo", "k", "other", "v")).code(0))
                    .isEqualTo(ENDORSEMENT_POLICY_FAILURE);
            assertThat(commit(endorsed("AMSP+BMSP+CMSP", "kv:PutTwo", "k", "other", "v")).code(0)).isEqualTo(VALID);
        }
    }

    @Nested
    class MetadataWrites {
        @Test
        void a_metadata_write_is_validated_against_the_existing_parameter() {
            guardedKey();

            // B cannot make itself the key's endorser, even with A and the chaincode-level policy behind it
            assertThat(commit(endorsed("AMSP+BMSP", "kv:Guard", "k", "BMSP")).code(0))
                    .isEqualTo(ENDORSEMENT_POLICY_FAILURE);
            assertThat(commit(endorsed("AMSP+CMSP", "kv:Guard", "k", "BMSP")).code(0)).isEqualTo(VALID);
            // from now on B alone decides
            assertThat(commit(endorsed("BMSP", "kv:Put", "k", "v1")).code(0)).isEqualTo(VALID);
        }

        @Test
        void a_metadata_write_on_a_key_without_a_parameter_needs_the_chaincode_level_policy() {
            assertThat(commit(endorsed("AMSP+BMSP", "kv:Put", "plain", "v")).code(0)).isEqualTo(VALID);

            assertThat(commit(endorsed("CMSP", "kv:Guard", "plain", "CMSP")).code(0))
                    .isEqualTo(ENDORSEMENT_POLICY_FAILURE);
            assertThat(commit(endorsed("AMSP+BMSP", "kv:Guard", "plain", "CMSP")).code(0)).isEqualTo(VALID);
        }

        @Test
        void a_key_whose_parameter_an_earlier_transaction_of_the_block_changed_cannot_be_written_in_that_block() {
            guardedKey();
            final Endorsement regard = endorsed("AMSP+CMSP", "kv:Guard", "k", "AMSP+BMSP+CMSP");
            final Endorsement write = endorsed("AMSP+BMSP+CMSP", "kv:Put", "k", "v1");

            assertThat(commit(regard, write).validationCodes()).containsExactly(VALID, ENDORSEMENT_POLICY_FAILURE);
        }

        @Test
        void a_parameter_change_that_failed_validation_does_not_block_later_writes_of_the_block() {
            guardedKey();
            final Endorsement refused = endorsed("BMSP", "kv:Guard", "k", "BMSP");
            final Endorsement write = endorsed("AMSP+CMSP", "kv:Put", "k", "v1");

            assertThat(commit(refused, write).validationCodes()).containsExactly(ENDORSEMENT_POLICY_FAILURE, VALID);
        }

        @Test
        void a_value_write_keeps_the_keys_parameter() {
            guardedKey();
            assertThat(commit(endorsed("AMSP+CMSP", "kv:Put", "k", "v1")).code(0)).isEqualTo(VALID);

            assertThat(commit(endorsed("AMSP+BMSP", "kv:Put", "k", "v2")).code(0)).isEqualTo(ENDORSEMENT_POLICY_FAILURE);
        }
    }

    @Nested
    class OtherChecks {
        @Test
        void duplicates_and_read_conflicts_are_still_found_after_a_valid_policy_check() {
            assertThat(commit(endorsed("AMSP+BMSP", "kv:Put", "n", "1")).code(0)).isEqualTo(VALID);
            final Endorsement first = endorsed("AMSP+BMSP", "kv:Increment", "n");
            final Endorsement second = endorsed("AMSP+BMSP", "kv:Increment", "n");

            assertThat(commit(first, second, first).validationCodes())
                    .containsExactly(VALID, MVCC_READ_CONFLICT, DUPLICATE_TXID);
        }

        @Test
        void a_replayed_block_keeps_the_validation_it_had() {
            assertThat(ledger.replayBlock(List.of(endorsed("", "kv:Put", "r", "v"))).code(0)).isEqualTo(VALID);
        }
    }

    @Nested
    class Planning {
        @Test
        void submit_endorses_with_the_fewest_organisations_that_satisfy_the_policies() {
            guardedKey();

            final Endorsement update = ledger.simulate(Proposal.of(ALICE, "kv:Put", "k", "v1"));
            assertThat(ledger.plan(update, List.of("AMSP", "BMSP", "CMSP", "DMSP"), null))
                    .containsExactly("AMSP", "CMSP");
            final Endorsement both = ledger.simulate(Proposal.of(ALICE, "kv:PutThenGet", "k", "v1"));
            assertThat(ledger.plan(both, List.of("AMSP", "BMSP", "CMSP"), null)).containsExactly("AMSP", "CMSP");
            final Endorsement created = ledger.simulate(Proposal.of(ALICE, "kv:Put", "fresh", "v1"));
            assertThat(ledger.plan(created, List.of("AMSP", "BMSP", "CMSP"), "CMSP"))
                    .containsExactly("AMSP", "BMSP");
            assertThat(ledger.plan(created, List.of("AMSP", "CMSP"), null)).isEmpty();
            assertThat(ledger.submit(ALICE, "kv:Put", "k", "v1").isValid()).isTrue();
        }

        @Test
        void the_policies_of_an_endorsement_are_its_keys_parameters_and_the_chaincode_policy_for_the_rest() {
            guardedKey();
            final SignaturePolicy chaincode = ledger.chaincodePolicy().orElseThrow();

            assertThat(ledger.endorsementPolicies(ledger.simulate(Proposal.of(ALICE, "kv:Put", "k", "v"))))
                    .extracting(SignaturePolicy::mspIds).containsExactly(java.util.Set.of("AMSP", "CMSP"));
            assertThat(ledger.endorsementPolicies(ledger.simulate(Proposal.of(ALICE, "kv:Get", "k"))))
                    .containsExactly(chaincode);
        }
    }

    @Nested
    class Policies {
        @Test
        void out_of_counts_distinct_identities_once_each() {
            final SignaturePolicy twoOfThree =
                    SignaturePolicy.compile("OutOf(2, 'AMSP.peer', 'BMSP.peer', 'CMSP.member')");

            assertThat(twoOfThree.isSatisfiedBy(peers("AMSP+CMSP"))).isTrue();
            assertThat(twoOfThree.isSatisfiedBy(List.of(Signer.peerOf("AMSP"), Signer.peerOf("AMSP")))).isFalse();
            assertThat(twoOfThree.isSatisfiedBy(List.of(new Signer("BMSP", "client", "b"),
                    new Signer("CMSP", "client", "c")))).isFalse();
            assertThat(SignaturePolicy.compile("AND('AMSP.peer','AMSP.peer')").isSatisfiedBy(List.of(
                    Signer.peerOf("AMSP"), new Signer("AMSP", "peer", "peer1")))).isTrue();
            assertThat(SignaturePolicy.compile("OR('AMSP.peer', AND('BMSP.peer','CMSP.peer'))")
                    .isSatisfiedBy(peers("BMSP+CMSP"))).isTrue();
        }

        @Test
        void a_compiled_policy_round_trips_through_its_bytes_and_bad_text_is_refused() {
            final SignaturePolicy policy = SignaturePolicy.compile("AND('AMSP.peer','BMSP.peer')");

            assertThat(SignaturePolicy.parse(policy.toByteArray())).isEqualTo(policy);
            assertThat(policy.mspIds()).containsExactly("AMSP", "BMSP");
            assertThatThrownBy(() -> SignaturePolicy.compile("AND('AMSP.peer'")).isInstanceOf(
                    IllegalArgumentException.class);
            assertThatThrownBy(() -> SignaturePolicy.compile("XOR('AMSP.peer')")).isInstanceOf(
                    IllegalArgumentException.class);
            assertThatThrownBy(() -> SignaturePolicy.compile("AND('AMSP.boss')")).isInstanceOf(
                    IllegalArgumentException.class);
        }
    }
}
