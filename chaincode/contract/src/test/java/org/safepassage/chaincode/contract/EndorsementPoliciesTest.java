package org.safepassage.chaincode.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.chaincode.contract.TestLedger.ANALYST;
import static org.safepassage.chaincode.contract.TestLedger.EVIDENCE;
import static org.safepassage.chaincode.contract.TestLedger.GUARD;
import static org.safepassage.chaincode.contract.TestLedger.NOTIFIER;
import static org.safepassage.chaincode.contract.TestLedger.OFFICER;
import static org.safepassage.chaincode.contract.TestLedger.POST;
import static org.safepassage.chaincode.contract.TestLedger.json;

import java.util.Arrays;
import java.util.List;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.model.AcknowledgeAlertCommand;
import org.safepassage.chaincode.model.Alert;
import org.safepassage.chaincode.model.AlertResolution;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.Decision;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.Endorsers;
import org.safepassage.chaincode.model.LegalBasis;
import org.safepassage.chaincode.model.OpenCrossingRequestCommand;
import org.safepassage.chaincode.model.Outcome;
import org.safepassage.chaincode.model.RecordCrossingCommand;
import org.safepassage.chaincode.model.RecordGuardianDecisionCommand;
import org.safepassage.chaincode.model.RecordScanCommand;
import org.safepassage.chaincode.model.ReplaceGuardiansCommand;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.ledger.sim.Endorsement;
import org.safepassage.ledger.sim.Identity;
import org.safepassage.ledger.sim.Proposal;
import org.safepassage.ledger.sim.Signer;

/**
 * The endorsement table ({@link Endorsers}) as the chaincode applies it: the validation parameter on every record it
 * creates, and who must therefore endorse each kind of write, checked as Fabric's committer checks it.
 */
class EndorsementPoliciesTest {
    private static final List<String> ORGANISATIONS = List.of("RegistryMSP", "BorderMSP", "ChildProtectionMSP");

    private final TestLedger ledger = new TestLedger();

    private Endorsement simulate(final Identity caller, final String function, final String... args) {
        final Endorsement endorsement = ledger.simulator().simulate(Proposal.of(caller, function, args));
        assertThat(endorsement.isSuccess()).as("%s: %s", function, endorsement.message()).isTrue();
        return endorsement;
    }

    private List<String> planned(final Identity caller, final String function, final String... args) {
        return ledger.simulator().plan(simulate(caller, function, args), ORGANISATIONS, caller.mspId());
    }

    private TxValidationCode commitEndorsedBy(final String orgs, final Endorsement endorsement) {
        return ledger.simulator().commit(endorsement.endorsedBy(
                Arrays.stream(orgs.split("\\+")).map(Signer::peerOf).toList())).code(0);
    }

    private CrossingRequest open(final Subject subject) {
        return ledger.ok(GUARD, CrossingRequest.class, "crossing:OpenCrossingRequest",
                json(new OpenCrossingRequestCommand(subject.subjectId(), POST, Direction.EXIT, null, null)));
    }

    private String decision(final CrossingRequest request, final String guardian) {
        return json(new RecordGuardianDecisionCommand(request.requestId(), guardian, Decision.APPROVE, EVIDENCE));
    }

    @Test
    void the_chaincode_level_policy_is_every_creating_organisation_and_names_them_sorted() {
        assertThat(Endorsers.chaincodePolicy())
                .isEqualTo("AND('BorderMSP.peer','ChildProtectionMSP.peer','RegistryMSP.peer')");
    }

    @Test
    void every_record_the_chaincode_creates_carries_its_kinds_validation_parameter() {
        final Subject subject = ledger.registerMinor(1, 1);

        final var metadata = simulate(GUARD, "crossing:OpenCrossingRequest",
                json(new OpenCrossingRequestCommand(subject.subjectId(), POST, Direction.EXIT, null, null)))
                .readWriteSet().metadataWrites();
        assertThat(metadata).singleElement().satisfies(write -> {
            assertThat(write.key()).contains("request");
            assertThat(write.validationParameter()).isEqualTo(KeyPolicies.of(Endorsers.REQUEST));
        });
    }

    @Test
    void an_update_of_a_record_writes_no_metadata() {
        final Subject subject = ledger.registerMinor(1, 2);

        final Endorsement update = simulate(OFFICER, "subject:ReplaceGuardians", json(new ReplaceGuardiansCommand(
                subject.subjectId(), List.of(ledger.newId("guardian")), 1)));

        assertThat(update.readWriteSet().writes()).hasSize(1);
        assertThat(update.readWriteSet().metadataWrites()).isEmpty();
    }

    @Nested
    class WhoMustEndorse {
        @Test
        void a_registration_creates_records_so_every_organisation_of_the_chaincode_level_policy() {
            assertThat(planned(OFFICER, "subject:RegisterSubject", json(new org.safepassage.chaincode.model
                            .RegisterSubjectCommand(ledger.newId("subject"), ledger.newCommitment(),
                            org.safepassage.chaincode.model.CommitmentScheme.FP_V1,
                            org.safepassage.chaincode.model.ProtectionClass.SURVIVOR, List.of(), 0, null))))
                    .containsExactlyInAnyOrder("RegistryMSP", "BorderMSP", "ChildProtectionMSP");
        }

        @Test
        void enrollment_updates_need_the_registry_and_child_protection() {
            final Subject subject = ledger.registerMinor(1, 2);

            assertThat(planned(OFFICER, "subject:ReplaceGuardians", json(new ReplaceGuardiansCommand(
                    subject.subjectId(), List.of(ledger.newId("guardian")), 1))))
                    .containsExactlyInAnyOrder("RegistryMSP", "ChildProtectionMSP");
            assertThat(planned(ANALYST, "subject:FlagMissing", subject.subjectId()))
                    .containsExactlyInAnyOrder("RegistryMSP", "ChildProtectionMSP");
        }

        @Test
        void a_guardian_decision_needs_the_border_and_child_protection() {
            final Subject subject = ledger.registerMinor(2, 3);
            final CrossingRequest request = open(subject);

            assertThat(planned(NOTIFIER, "crossing:RecordGuardianDecision",
                    decision(request, subject.guardianRefs().get(0))))
                    .containsExactlyInAnyOrder("BorderMSP", "ChildProtectionMSP");
        }

        @Test
        void ending_a_request_needs_every_organisation_as_it_deletes_the_subjects_open_request_marker() {
            final Subject approved = ledger.registerMinor(1, 1);
            final Subject cancelled = ledger.registerMinor(1, 1);

            assertThat(planned(NOTIFIER, "crossing:RecordGuardianDecision",
                    decision(open(approved), approved.guardianRefs().get(0))))
                    .containsExactlyInAnyOrder("RegistryMSP", "BorderMSP", "ChildProtectionMSP");
            assertThat(planned(GUARD, "crossing:CancelCrossingRequest", open(cancelled).requestId()))
                    .containsExactlyInAnyOrder("RegistryMSP", "BorderMSP", "ChildProtectionMSP");
        }

        @Test
        void a_crossing_and_a_scan_need_every_organisation() {
            final Subject subject = ledger.registerMinor(1, 1);
            final CrossingRequest request = open(subject);
            ledger.ok(NOTIFIER, CrossingRequest.class, "crossing:RecordGuardianDecision",
                    decision(request, subject.guardianRefs().get(0)));

            assertThat(planned(GUARD, "crossing:RecordCrossing", json(new RecordCrossingCommand(subject.subjectId(),
                    POST, Direction.EXIT, Outcome.ALLOWED, null, LegalBasis.approval(request.requestId())))))
                    .containsExactlyInAnyOrder("RegistryMSP", "BorderMSP", "ChildProtectionMSP");
            assertThat(planned(GUARD, "crossing:RecordScan", json(new RecordScanCommand(subject.subjectId(), POST))))
                    .containsExactlyInAnyOrder("RegistryMSP", "BorderMSP", "ChildProtectionMSP");
        }

        @Test
        void an_audit_anchor_needs_every_organisation_even_when_it_moves_the_head() {
            ledger.ok(OFFICER, org.safepassage.chaincode.model.AuditAnchor.class, "audit:AnchorAuditHead",
                    json(new org.safepassage.chaincode.model.AnchorAuditHeadCommand(3, "a3".repeat(32))));

            assertThat(planned(OFFICER, "audit:AnchorAuditHead",
                    json(new org.safepassage.chaincode.model.AnchorAuditHeadCommand(5, "b5".repeat(32)))))
                    .containsExactlyInAnyOrder("RegistryMSP", "BorderMSP", "ChildProtectionMSP");
        }

        @Test
        void acknowledging_an_alert_needs_child_protection_alone() {
            final Subject subject = ledger.registerMinor(1, 1);
            ledger.ok(OFFICER, Subject.class, "subject:FlagMissing", subject.subjectId());
            ledger.ok(GUARD, Subject.class, "crossing:RecordScan", json(new RecordScanCommand(subject.subjectId(),
                    POST)));
            final Alert alert = ledger.lastEvent().alert();

            assertThat(planned(ANALYST, "alert:AcknowledgeAlert",
                    json(new AcknowledgeAlertCommand(alert.alertId(), AlertResolution.CHILD_SAFE))))
                    .containsExactly("ChildProtectionMSP");
        }
    }

    @Nested
    class TooFewEndorsers {
        @Test
        void a_guardian_decision_endorsed_by_child_protection_alone_is_an_endorsement_policy_failure() {
            final Subject subject = ledger.registerMinor(2, 3);
            final CrossingRequest request = open(subject);
            final String decision = decision(request, subject.guardianRefs().get(0));

            assertThat(commitEndorsedBy("ChildProtectionMSP",
                    simulate(NOTIFIER, "crossing:RecordGuardianDecision", decision)))
                    .isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
            assertThat(commitEndorsedBy("BorderMSP+ChildProtectionMSP",
                    simulate(NOTIFIER, "crossing:RecordGuardianDecision", decision)))
                    .isEqualTo(TxValidationCode.VALID);
        }

        @Test
        void guardians_replaced_without_child_protection_are_an_endorsement_policy_failure() {
            final Subject subject = ledger.registerMinor(1, 2);
            final Endorsement replaced = simulate(OFFICER, "subject:ReplaceGuardians", json(
                    new ReplaceGuardiansCommand(subject.subjectId(), List.of(ledger.newId("guardian")), 1)));

            assertThat(commitEndorsedBy("RegistryMSP+BorderMSP", replaced))
                    .isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
        }

        @Test
        void a_crossing_without_child_protection_or_the_registry_is_an_endorsement_policy_failure() {
            final Subject subject = ledger.registerSurvivor();
            final String crossing = json(new RecordCrossingCommand(
                    subject.subjectId(), POST, Direction.EXIT, Outcome.ALLOWED, null, LegalBasis.notRequired()));

            assertThat(commitEndorsedBy("BorderMSP", simulate(GUARD, "crossing:RecordCrossing", crossing)))
                    .isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
            assertThat(commitEndorsedBy("BorderMSP+ChildProtectionMSP",
                    simulate(GUARD, "crossing:RecordCrossing", crossing)))
                    .isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
            assertThat(commitEndorsedBy("RegistryMSP+BorderMSP+ChildProtectionMSP",
                    simulate(GUARD, "crossing:RecordCrossing", crossing)))
                    .isEqualTo(TxValidationCode.VALID);
        }
    }
}
