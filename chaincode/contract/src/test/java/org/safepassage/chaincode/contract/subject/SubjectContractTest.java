package org.safepassage.chaincode.contract.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.chaincode.contract.TestLedger.ANALYST;
import static org.safepassage.chaincode.contract.TestLedger.DPO;
import static org.safepassage.chaincode.contract.TestLedger.GUARD;
import static org.safepassage.chaincode.contract.TestLedger.NOTIFIER;
import static org.safepassage.chaincode.contract.TestLedger.OFFICER;
import static org.safepassage.chaincode.contract.TestLedger.POST;
import static org.safepassage.chaincode.contract.TestLedger.REGISTRY_SUPERVISOR;
import static org.safepassage.chaincode.contract.TestLedger.json;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.contract.TestLedger;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.EraseSubjectCommand;
import org.safepassage.chaincode.model.ErasureTombstone;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.chaincode.model.LedgerEvent;
import org.safepassage.chaincode.model.ModalityCommitment;
import org.safepassage.chaincode.model.OpenCrossingRequestCommand;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.chaincode.model.RenewCommitmentCommand;
import org.safepassage.chaincode.model.ReplaceGuardiansCommand;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.chaincode.model.SubjectStatus;

class SubjectContractTest {
    private final TestLedger ledger = new TestLedger();

    private RegisterSubjectCommand minor(final String commitment, final int quorum, final List<String> guardians) {
        return new RegisterSubjectCommand(ledger.newId("subject"), commitment, CommitmentScheme.FP_V1,
                ProtectionClass.MINOR, guardians, quorum, YearMonth.of(2036, 4));
    }

    private Subject read(final String subjectId) {
        return ledger.ok(GUARD, Subject.class, "subject:ReadSubject", subjectId);
    }

    @Nested
    class RegisterSubject {
        @Test
        void registers_an_active_subject_and_announces_it() {
            final var command = minor(ledger.newCommitment(), 2,
                    List.of(ledger.newId("guardian"), ledger.newId("guardian"), ledger.newId("guardian")));

            final Subject subject = ledger.ok(OFFICER, Subject.class, "subject:RegisterSubject", json(command));

            assertThat(subject.status()).isEqualTo(SubjectStatus.ACTIVE);
            assertThat(subject.approvalQuorum()).isEqualTo(2);
            assertThat(subject.registeredAt()).isEqualTo(ledger.now());
            final LedgerEvent event = ledger.lastEvent();
            assertThat(event.type()).isEqualTo(EventType.SUBJECT_REGISTERED);
            assertThat(event.subject()).isEqualTo(subject);
            assertThat(read(command.subjectId())).isEqualTo(subject);
        }

        @Test
        void a_supervisor_may_register_too() {
            final var command = minor(ledger.newCommitment(), 1, List.of(ledger.newId("guardian")));

            assertThat(ledger.ok(REGISTRY_SUPERVISOR, Subject.class, "subject:RegisterSubject", json(command))
                    .subjectId()).isEqualTo(command.subjectId());
        }

        @Test
        void refuses_a_second_subject_with_the_same_id() {
            final Subject first = ledger.registerMinor(1, 1);
            final var again = new RegisterSubjectCommand(first.subjectId(), ledger.newCommitment(),
                    CommitmentScheme.FP_V1, ProtectionClass.MINOR, List.of(ledger.newId("guardian")), 1,
                    YearMonth.of(2036, 4));

            assertThat(ledger.refusal(OFFICER, "subject:RegisterSubject", json(again)))
                    .isEqualTo(ErrorCode.SUBJECT_ALREADY_EXISTS);
        }

        @Test
        void refuses_a_commitment_already_registered_to_someone_else() {
            final String commitment = ledger.newCommitment();
            ledger.ok(OFFICER, Subject.class, "subject:RegisterSubject",
                    json(minor(commitment, 1, List.of(ledger.newId("guardian")))));

            assertThat(ledger.refusal(OFFICER, "subject:RegisterSubject",
                            json(minor(commitment, 1, List.of(ledger.newId("guardian"))))))
                    .isEqualTo(ErrorCode.COMMITMENT_ALREADY_REGISTERED);
        }

        @Test
        void refuses_bad_input_with_invalid_argument() {
            final String guardian = ledger.newId("guardian");
            final String valid = json(minor(ledger.newCommitment(), 1, List.of(guardian)));

            for (final String bad : List.of(
                    "",
                    "not json",
                    "[]",
                    valid.replace("{", "{\"childName\":\"Ana Popescu\","),
                    valid.replace("\"approvalQuorum\":1", "\"approvalQuorum\":2"),
                    valid.replace("\"approvalQuorum\":1", "\"approvalQuorum\":0"),
                    valid.replace("\"scheme\":\"fp-v1\"", "\"scheme\":\"face-v9\""),
                    valid.replace("\"protectionClass\":\"MINOR\"", "\"protectionClass\":\"ADULT\""),
                    valid.replace("\"guardianRefs\":[\"" + guardian + "\"]", "\"guardianRefs\":[]"),
                    valid.replaceAll("\"commitment\":\"[0-9a-f]+\"", "\"commitment\":\"ABC\""),
                    valid.replace("\"consentRequiredUntil\":\"2036-04\",", ""),
                    valid + "{}")) {
                assertThat(ledger.refusal(OFFICER, "subject:RegisterSubject", bad)).as(bad)
                        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
            }
        }
    }

    @Nested
    class CommitmentsPerModality {
        private RegisterSubjectCommand withIrises(final String primary, final CommitmentScheme scheme,
                final List<ModalityCommitment> additional) {
            return new RegisterSubjectCommand(ledger.newId("subject"), primary, scheme, ProtectionClass.MINOR,
                    List.of(ledger.newId("guardian")), 1, YearMonth.of(2040, 4), additional);
        }

        @Test
        void names_the_scheme_of_each_modality_and_each_identifies_the_subject() {
            final String left = ledger.newCommitment();
            final String right = ledger.newCommitment();
            final var command = withIrises(ledger.newCommitment(), CommitmentScheme.FP_V1, List.of(
                    new ModalityCommitment(CommitmentScheme.IRIS_FC_V1, left),
                    new ModalityCommitment(CommitmentScheme.IRIS_FC_V1, right)));

            final Subject subject = ledger.ok(OFFICER, Subject.class, "subject:RegisterSubject", json(command));

            assertThat(subject.scheme()).isEqualTo(CommitmentScheme.FP_V1);
            assertThat(subject.additionalCommitments()).extracting(ModalityCommitment::scheme)
                    .containsExactly(CommitmentScheme.IRIS_FC_V1, CommitmentScheme.IRIS_FC_V1);
            assertThat(json(subject)).contains("\"scheme\":\"iris-fc-v1\"").contains("\"scheme\":\"fp-v1\"");
            assertThat(ledger.ok(GUARD, Subject.class, "subject:FindSubjectByCommitment", "iris-fc-v1", right)
                    .subjectId()).isEqualTo(subject.subjectId());
            assertThat(ledger.refusal(GUARD, "subject:FindSubjectByCommitment", "fp-v1", right))
                    .isEqualTo(ErrorCode.SUBJECT_NOT_FOUND);
        }

        @Test
        void a_subject_with_one_commitment_is_written_as_before() {
            final var command = withIrises(ledger.newCommitment(), CommitmentScheme.IRIS_FC_V1, List.of());

            final Subject subject = ledger.ok(OFFICER, Subject.class, "subject:RegisterSubject", json(command));

            assertThat(subject.additionalCommitments()).isNull();
            assertThat(json(subject)).doesNotContain("additionalCommitments");
        }

        @Test
        void refuses_an_additional_commitment_someone_else_registered() {
            final Subject other = ledger.registerMinor(1, 1);
            final var command = withIrises(ledger.newCommitment(), CommitmentScheme.FP_V1,
                    List.of(new ModalityCommitment(CommitmentScheme.FP_V1, other.commitment())));

            assertThat(ledger.refusal(OFFICER, "subject:RegisterSubject", json(command)))
                    .isEqualTo(ErrorCode.COMMITMENT_ALREADY_REGISTERED);
        }

        @Test
        void erasure_retires_every_commitment() {
            final String eye = ledger.newCommitment();
            final Subject subject = ledger.ok(OFFICER, Subject.class, "subject:RegisterSubject", json(withIrises(
                    ledger.newCommitment(), CommitmentScheme.FP_V1,
                    List.of(new ModalityCommitment(CommitmentScheme.IRIS_FC_V1, eye)))));

            ledger.ok(DPO, ErasureTombstone.class, "subject:EraseSubject",
                    json(new EraseSubjectCommand(subject.subjectId(), ledger.newId("erasure"))));

            assertThat(read(subject.subjectId()).additionalCommitments()).isNull();
            assertThat(ledger.refusal(GUARD, "subject:FindSubjectByCommitment", "iris-fc-v1", eye))
                    .isEqualTo(ErrorCode.SUBJECT_ERASED);
            assertThat(ledger.refusal(OFFICER, "subject:RegisterSubject", json(withIrises(ledger.newCommitment(),
                    CommitmentScheme.FP_V1, List.of(new ModalityCommitment(CommitmentScheme.IRIS_FC_V1, eye))))))
                    .isEqualTo(ErrorCode.COMMITMENT_ALREADY_REGISTERED);
        }
    }

    @Nested
    class ReplaceGuardians {
        @Test
        void replaces_guardians_and_quorum() {
            final Subject subject = ledger.registerMinor(1, 1);
            final List<String> next = List.of(ledger.newId("guardian"), ledger.newId("guardian"));

            final Subject updated = ledger.ok(OFFICER, Subject.class, "subject:ReplaceGuardians",
                    json(new ReplaceGuardiansCommand(subject.subjectId(), next, 2)));

            assertThat(updated.guardianRefs()).isEqualTo(next);
            assertThat(updated.approvalQuorum()).isEqualTo(2);
            assertThat(ledger.lastEvent().type()).isEqualTo(EventType.GUARDIANS_REPLACED);
            assertThat(read(subject.subjectId())).isEqualTo(updated);
        }

        @Test
        void refuses_a_quorum_the_guardians_cannot_meet_or_no_guardian_for_a_minor() {
            final Subject subject = ledger.registerMinor(1, 1);

            assertThat(ledger.refusal(OFFICER, "subject:ReplaceGuardians", json(new ReplaceGuardiansCommand(
                            subject.subjectId(), List.of(ledger.newId("guardian")), 2))))
                    .isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(ledger.refusal(OFFICER, "subject:ReplaceGuardians",
                            json(new ReplaceGuardiansCommand(subject.subjectId(), List.of(), 0))))
                    .isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(read(subject.subjectId())).isEqualTo(subject);
        }

        @Test
        void refuses_an_unknown_subject() {
            assertThat(ledger.refusal(OFFICER, "subject:ReplaceGuardians", json(new ReplaceGuardiansCommand(
                            ledger.newId("subject"), List.of(ledger.newId("guardian")), 1))))
                    .isEqualTo(ErrorCode.SUBJECT_NOT_FOUND);
        }
    }

    @Nested
    class RenewCommitment {
        @Test
        void the_new_commitment_identifies_the_subject_and_the_old_one_nobody() {
            final Subject subject = ledger.registerMinor(1, 1);
            final String renewed = ledger.newCommitment();

            final Subject updated = ledger.ok(OFFICER, Subject.class, "subject:RenewCommitment",
                    json(new RenewCommitmentCommand(subject.subjectId(), renewed, CommitmentScheme.FP_V1)));

            assertThat(updated.commitment()).isEqualTo(renewed);
            assertThat(ledger.lastEvent().type()).isEqualTo(EventType.COMMITMENT_RENEWED);
            assertThat(ledger.ok(GUARD, Subject.class, "subject:FindSubjectByCommitment", "fp-v1", renewed)
                    .subjectId()).isEqualTo(subject.subjectId());
            assertThat(ledger.refusal(GUARD, "subject:FindSubjectByCommitment", "fp-v1", subject.commitment()))
                    .isEqualTo(ErrorCode.SUBJECT_NOT_FOUND);
        }

        @Test
        void a_revoked_commitment_can_never_be_registered_again() {
            final Subject subject = ledger.registerMinor(1, 1);
            ledger.ok(OFFICER, Subject.class, "subject:RenewCommitment", json(new RenewCommitmentCommand(
                    subject.subjectId(), ledger.newCommitment(), CommitmentScheme.FP_V1)));

            assertThat(ledger.refusal(OFFICER, "subject:RegisterSubject",
                            json(minor(subject.commitment(), 1, List.of(ledger.newId("guardian"))))))
                    .isEqualTo(ErrorCode.COMMITMENT_ALREADY_REGISTERED);
            assertThat(ledger.refusal(OFFICER, "subject:RenewCommitment", json(new RenewCommitmentCommand(
                            subject.subjectId(), subject.commitment(), CommitmentScheme.FP_V1))))
                    .isEqualTo(ErrorCode.COMMITMENT_ALREADY_REGISTERED);
        }
    }

    @Nested
    class FlagMissing {
        @Test
        void flags_and_unflags_with_events() {
            final Subject subject = ledger.registerMinor(1, 1);

            assertThat(ledger.ok(OFFICER, Subject.class, "subject:FlagMissing", subject.subjectId()).status())
                    .isEqualTo(SubjectStatus.FLAGGED_MISSING);
            assertThat(ledger.lastEvent().type()).isEqualTo(EventType.SUBJECT_FLAGGED_MISSING);
            assertThat(read(subject.subjectId()).status()).isEqualTo(SubjectStatus.FLAGGED_MISSING);

            assertThat(ledger.ok(ANALYST, Subject.class, "subject:UnflagMissing", subject.subjectId()).status())
                    .isEqualTo(SubjectStatus.ACTIVE);
            assertThat(ledger.lastEvent().type()).isEqualTo(EventType.SUBJECT_UNFLAGGED);
        }

        @Test
        void refuses_flagging_twice_or_unflagging_an_unflagged_subject() {
            final Subject subject = ledger.registerMinor(1, 1);

            assertThat(ledger.refusal(OFFICER, "subject:UnflagMissing", subject.subjectId()))
                    .isEqualTo(ErrorCode.SUBJECT_NOT_FLAGGED);
            ledger.ok(ANALYST, Subject.class, "subject:FlagMissing", subject.subjectId());
            assertThat(ledger.refusal(OFFICER, "subject:FlagMissing", subject.subjectId()))
                    .isEqualTo(ErrorCode.SUBJECT_ALREADY_FLAGGED);
        }

        @Test
        void refuses_malformed_and_unknown_ids() {
            assertThat(ledger.refusal(OFFICER, "subject:FlagMissing", "x")).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(ledger.refusal(OFFICER, "subject:FlagMissing", ledger.newId("subject")))
                    .isEqualTo(ErrorCode.SUBJECT_NOT_FOUND);
        }
    }

    @Nested
    class EraseSubject {
        @Test
        void leaves_a_tombstone_and_a_subject_linked_to_nothing() {
            final Subject subject = ledger.registerMinor(2, 3);
            final String requestRef = ledger.newId("erasure");

            final ErasureTombstone tombstone = ledger.ok(DPO, ErasureTombstone.class, "subject:EraseSubject",
                    json(new EraseSubjectCommand(subject.subjectId(), requestRef)));

            assertThat(tombstone.requestRef()).isEqualTo(requestRef);
            assertThat(tombstone.erasedAt()).isEqualTo(ledger.now());
            assertThat(ledger.lastEvent().type()).isEqualTo(EventType.SUBJECT_ERASED);
            assertThat(ledger.lastEvent().tombstone()).isEqualTo(tombstone);
            final Subject erased = read(subject.subjectId());
            assertThat(erased.status()).isEqualTo(SubjectStatus.ERASED);
            assertThat(erased.commitment()).isNull();
            assertThat(erased.guardianRefs()).isEmpty();
            assertThat(ledger.ok(ANALYST, ErasureTombstone.class, "subject:ReadTombstone", subject.subjectId()))
                    .isEqualTo(tombstone);
        }

        @Test
        void an_erased_subject_can_never_be_used_again() {
            final Subject subject = ledger.registerMinor(1, 1);
            ledger.ok(DPO, ErasureTombstone.class, "subject:EraseSubject",
                    json(new EraseSubjectCommand(subject.subjectId(), ledger.newId("erasure"))));

            assertThat(ledger.refusal(OFFICER, "subject:FlagMissing", subject.subjectId()))
                    .isEqualTo(ErrorCode.SUBJECT_ERASED);
            assertThat(ledger.refusal(DPO, "subject:EraseSubject",
                            json(new EraseSubjectCommand(subject.subjectId(), ledger.newId("erasure")))))
                    .isEqualTo(ErrorCode.SUBJECT_ERASED);
            assertThat(ledger.refusal(GUARD, "crossing:OpenCrossingRequest", json(new OpenCrossingRequestCommand(
                            subject.subjectId(), POST, Direction.EXIT, null, null))))
                    .isEqualTo(ErrorCode.SUBJECT_ERASED);
            assertThat(ledger.refusal(GUARD, "subject:FindSubjectByCommitment", "fp-v1", subject.commitment()))
                    .isEqualTo(ErrorCode.SUBJECT_ERASED);
        }

        @Test
        void an_erased_commitment_cannot_be_registered_again() {
            final Subject subject = ledger.registerMinor(1, 1);
            ledger.ok(DPO, ErasureTombstone.class, "subject:EraseSubject",
                    json(new EraseSubjectCommand(subject.subjectId(), ledger.newId("erasure"))));

            assertThat(ledger.refusal(OFFICER, "subject:RegisterSubject",
                            json(minor(subject.commitment(), 1, List.of(ledger.newId("guardian"))))))
                    .isEqualTo(ErrorCode.COMMITMENT_ALREADY_REGISTERED);
        }

        @Test
        void refuses_bad_input() {
            assertThat(ledger.refusal(DPO, "subject:EraseSubject", "{\"subjectId\":\"short\"}"))
                    .isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(ledger.refusal(DPO, "subject:EraseSubject",
                            json(new EraseSubjectCommand(ledger.newId("subject"), ledger.newId("erasure")))))
                    .isEqualTo(ErrorCode.SUBJECT_NOT_FOUND);
        }
    }

    @Nested
    class Lookups {
        @Test
        void finds_a_subject_by_its_commitment() {
            final Subject subject = ledger.registerMinor(1, 2);

            assertThat(ledger.ok(OFFICER, Subject.class, "subject:FindSubjectByCommitment", "fp-v1",
                    subject.commitment())).isEqualTo(subject);
        }

        @Test
        void reads_change_nothing_and_emit_nothing() {
            final Subject subject = ledger.registerMinor(1, 2);

            ledger.ok(NOTIFIER, Subject.class, "subject:ReadSubject", subject.subjectId());

            assertThat(ledger.lastEmittedNothing()).isTrue();
        }

        @Test
        void refuse_bad_and_unknown_arguments() {
            assertThat(ledger.refusal(GUARD, "subject:FindSubjectByCommitment", "fp-v9", "ab".repeat(32)))
                    .isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(ledger.refusal(GUARD, "subject:FindSubjectByCommitment", "fp-v1", "xyz"))
                    .isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(ledger.refusal(GUARD, "subject:FindSubjectByCommitment", "fp-v1", "ab".repeat(32)))
                    .isEqualTo(ErrorCode.SUBJECT_NOT_FOUND);
            assertThat(ledger.refusal(GUARD, "subject:ReadSubject", "../etc")).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(ledger.refusal(GUARD, "subject:ReadSubject", ledger.newId("subject")))
                    .isEqualTo(ErrorCode.SUBJECT_NOT_FOUND);
            assertThat(ledger.refusal(GUARD, "subject:ReadTombstone", ledger.registerMinor(1, 1).subjectId()))
                    .isEqualTo(ErrorCode.SUBJECT_NOT_FOUND);
        }
    }
}
