package org.safepassage.chaincode.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.chaincode.contract.TestLedger.OFFICER;
import static org.safepassage.chaincode.contract.TestLedger.json;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.model.ActorAttribution;
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.ledger.sim.Result;
import org.safepassage.ledger.sim.Proposal;

class AttributionTest {
    private final TestLedger ledger = new TestLedger();

    @Test
    void a_write_made_for_a_person_records_that_person_beside_it() {
        final String person = "0f8e3c52-4a61-4b0e-9d4e-7d1c2b3a4f50";
        final Result result = ledger.simulator().submit(register(person));
        assertThat(result.status()).as(result.message()).isEqualTo(200);
        final List<KVWrite> attributions = result.endorsement().kvRwSet().getWritesList().stream()
                .filter(write -> write.getKey().contains("attribution")).toList();
        assertThat(attributions).hasSize(1);
        final ActorAttribution attribution = CanonicalJson.parse(
                attributions.get(0).getValue().toByteArray(), ActorAttribution.class);
        assertThat(attribution.actor()).isEqualTo(person);
        assertThat(attribution.by()).isEqualTo("RegistryMSP/officer-01");
        assertThat(attribution.transaction()).isEqualTo("subject:RegisterSubject");
        assertThat(attribution.txId()).isEqualTo(result.endorsement().txId());
        // The transient data itself is not part of what the ledger keeps.
        assertThat(new String(result.endorsement().kvRwSet().toByteArray(), StandardCharsets.ISO_8859_1))
                .doesNotContain("transient");
    }

    @Test
    void a_write_a_service_made_on_its_own_records_the_service_as_actor() {
        final String service = org.safepassage.chaincode.model.Actors.service("enrollment");
        final Result result = ledger.simulator().submit(register(service));
        assertThat(result.status()).as(result.message()).isEqualTo(200);
        final KVWrite attribution = result.endorsement().kvRwSet().getWritesList().stream()
                .filter(write -> write.getKey().contains("attribution")).findFirst().orElseThrow();
        assertThat(CanonicalJson.parse(attribution.getValue().toByteArray(), ActorAttribution.class).actor())
                .isEqualTo("service:enrollment");
    }

    @Test
    void every_contract_records_the_actor_an_audit_anchor_included() {
        final Result result = ledger.simulator().submit(Proposal.builder(OFFICER, "audit:AnchorAuditHead")
                .args(json(new org.safepassage.chaincode.model.AnchorAuditHeadCommand(1, "ab".repeat(32))))
                .transientData("actor", "service:enrollment".getBytes(StandardCharsets.UTF_8)).build());
        assertThat(result.status()).as(result.message()).isEqualTo(200);
        final KVWrite attribution = result.endorsement().kvRwSet().getWritesList().stream()
                .filter(write -> write.getKey().contains("attribution")).findFirst().orElseThrow();
        final ActorAttribution recorded = CanonicalJson.parse(attribution.getValue().toByteArray(),
                ActorAttribution.class);
        assertThat(recorded.actor()).isEqualTo("service:enrollment");
        assertThat(recorded.transaction()).isEqualTo("audit:AnchorAuditHead");
    }

    @Test
    void a_write_made_for_no_person_records_no_attribution() {
        final Result result = ledger.simulator().submit(register(null));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.endorsement().kvRwSet().getWritesList())
                .noneMatch(write -> write.getKey().contains("attribution"));
    }

    @Test
    void an_actor_that_looks_like_personal_data_is_refused() {
        for (String actor : List.of("maria.popescu@registry.md", "Maria Popescu", "")) {
            final Result result = ledger.simulator().submit(register(actor));
            assertThat(result.status()).as(actor).isEqualTo(500);
            assertThat(result.payloadAsString()).isEqualTo(ErrorCode.INVALID_ARGUMENT.name());
        }
    }

    private Proposal register(final String actor) {
        final Proposal.Builder proposal = Proposal.builder(OFFICER, "subject:RegisterSubject")
                .args(json(new RegisterSubjectCommand(ledger.newId("subject"), ledger.newCommitment(),
                        CommitmentScheme.FP_V1, ProtectionClass.SURVIVOR, List.of(), 0, null)));
        if (actor != null) {
            proposal.transientData("actor", actor.getBytes(StandardCharsets.UTF_8));
        }
        return proposal.build();
    }
}
