package org.safepassage.chaincode.contract.crossing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.chaincode.contract.TestLedger.ANALYST;
import static org.safepassage.chaincode.contract.TestLedger.BORDER_SUPERVISOR;
import static org.safepassage.chaincode.contract.TestLedger.EVIDENCE;
import static org.safepassage.chaincode.contract.TestLedger.GUARD;
import static org.safepassage.chaincode.contract.TestLedger.NOTIFIER;
import static org.safepassage.chaincode.contract.TestLedger.OFFICER;
import static org.safepassage.chaincode.contract.TestLedger.POST;
import static org.safepassage.chaincode.contract.TestLedger.json;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.contract.TestLedger;
import org.safepassage.chaincode.model.Alert;
import org.safepassage.chaincode.model.AlertType;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.Crossing;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.Decision;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.chaincode.model.LedgerEvent;
import org.safepassage.chaincode.model.LegalBasis;
import org.safepassage.chaincode.model.OpenCrossingRequestCommand;
import org.safepassage.chaincode.model.Outcome;
import org.safepassage.chaincode.model.OverrideReason;
import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.chaincode.model.RecordCrossingCommand;
import org.safepassage.chaincode.model.RecordGuardianDecisionCommand;
import org.safepassage.chaincode.model.RecordScanCommand;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.chaincode.model.ReplaceGuardiansCommand;
import org.safepassage.chaincode.model.RequestStatus;
import org.safepassage.chaincode.model.Subject;

class CrossingContractTest {
    private final TestLedger ledger = new TestLedger();

    private CrossingRequest open(final Subject subject) {
        return ledger.ok(GUARD, CrossingRequest.class, "crossing:OpenCrossingRequest",
                json(new OpenCrossingRequestCommand(subject.subjectId(), POST, Direction.EXIT, null, null)));
    }

    private CrossingRequest decide(final CrossingRequest request, final String guardian, final Decision decision) {
        return ledger.ok(NOTIFIER, CrossingRequest.class, "crossing:RecordGuardianDecision",
                json(new RecordGuardianDecisionCommand(request.requestId(), guardian, decision, EVIDENCE)));
    }

    private ErrorCode refusedDecision(final CrossingRequest request, final String guardian) {
        return ledger.refusal(NOTIFIER, "crossing:RecordGuardianDecision",
                json(new RecordGuardianDecisionCommand(request.requestId(), guardian, Decision.APPROVE, EVIDENCE)));
    }

    private static String allowed(final Subject subject, final LegalBasis basis) {
        return json(new RecordCrossingCommand(subject.subjectId(), POST, Direction.EXIT, Outcome.ALLOWED, null, basis));
    }

    private void flag(final Subject subject) {
        ledger.ok(OFFICER, Subject.class, "subject:FlagMissing", subject.subjectId());
    }

    @Nested
    class RecordScan {
        @Test
        void a_scan_of_an_active_subject_changes_nothing_and_emits_the_scan() {
            final Subject subject = ledger.registerMinor(1, 1);

            final Subject scanned = ledger.ok(GUARD, Subject.class, "crossing:RecordScan",
                    json(new RecordScanCommand(subject.subjectId(), POST)));

            assertThat(scanned).isEqualTo(subject);
            final LedgerEvent event = ledger.lastEvent();
            assertThat(event.type()).isEqualTo(EventType.SUBJECT_SCANNED);
            assertThat(event.scan().subjectId()).isEqualTo(subject.subjectId());
            assertThat(event.scan().post()).isEqualTo(POST);
            assertThat(event.scan().scannedBy()).isEqualTo("BorderMSP/post-md-leuseni-01");
            assertThat(event.scan().scannedAt()).isEqualTo(ledger.now());
            assertThat(ledger.okList(ANALYST, Alert.class, "alert:ListOpenAlerts")).isEmpty();
        }

        @Test
        void scanning_a_missing_child_raises_an_alert() {
            final Subject subject = ledger.registerMinor(1, 1);
            flag(subject);

            ledger.ok(GUARD, Subject.class, "crossing:RecordScan", json(new RecordScanCommand(subject.subjectId(), POST)));

            final LedgerEvent event = ledger.lastEvent();
            assertThat(event.type()).isEqualTo(EventType.MISSING_SUBJECT_SCANNED);
            assertThat(event.alert().type()).isEqualTo(AlertType.MISSING_CHILD_SCANNED);
            assertThat(event.alert().post()).isEqualTo(POST);
            assertThat(ledger.okList(ANALYST, Alert.class, "alert:ListOpenAlerts")).containsExactly(event.alert());
        }

        @Test
        void refuses_bad_posts_and_unknown_subjects() {
            final Subject subject = ledger.registerMinor(1, 1);

            assertThat(ledger.refusal(GUARD, "crossing:RecordScan",
                            "{\"subjectId\":\"" + subject.subjectId() + "\",\"post\":\"leuseni\"}"))
                    .isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(ledger.refusal(GUARD, "crossing:RecordScan",
                            json(new RecordScanCommand(ledger.newId("subject"), POST))))
                    .isEqualTo(ErrorCode.SUBJECT_NOT_FOUND);
        }
    }

    @Nested
    class OpenCrossingRequest {
        @Test
        void opens_a_pending_request_with_the_subjects_guardians_and_a_default_expiry() {
            final Subject subject = ledger.registerMinor(2, 3);

            final CrossingRequest request = open(subject);

            assertThat(request.status()).isEqualTo(RequestStatus.PENDING);
            assertThat(request.guardianRefs()).isEqualTo(subject.guardianRefs());
            assertThat(request.approvalQuorum()).isEqualTo(2);
            assertThat(request.createdAt()).isEqualTo(ledger.now());
            assertThat(request.expiresAt()).isEqualTo(ledger.now().plus(Duration.ofMinutes(15)));
            assertThat(request.requestId()).isEqualTo(ledger.lastEvent().request().requestId());
            assertThat(ledger.lastEvent().type()).isEqualTo(EventType.CROSSING_REQUESTED);
            assertThat(ledger.ok(NOTIFIER, CrossingRequest.class, "crossing:ReadCrossingRequest",
                    request.requestId())).isEqualTo(request);
        }

        @Test
        void a_request_opened_by_a_scan_records_the_scan_in_the_same_transaction() {
            final Subject subject = ledger.registerMinor(1, 1);

            final CrossingRequest request = ledger.ok(GUARD, CrossingRequest.class, "crossing:OpenCrossingRequest",
                    json(new OpenCrossingRequestCommand(subject.subjectId(), POST, Direction.EXIT, null, null, true)));

            final LedgerEvent event = ledger.lastEvent();
            assertThat(event.type()).isEqualTo(EventType.CROSSING_REQUESTED);
            assertThat(event.request()).isEqualTo(request);
            assertThat(event.scan().scanId()).isEqualTo(request.requestId());
            assertThat(event.scan().subjectId()).isEqualTo(subject.subjectId());
            assertThat(event.scan().post()).isEqualTo(POST);
            assertThat(event.scan().scannedBy()).isEqualTo("BorderMSP/post-md-leuseni-01");
            assertThat(event.scan().scannedAt()).isEqualTo(ledger.now());
        }

        @Test
        void a_request_opened_without_a_scan_carries_none() {
            open(ledger.registerMinor(1, 1));

            assertThat(ledger.lastEvent().scan()).isNull();
        }

        @Test
        void a_scan_that_would_open_a_request_for_a_missing_child_is_refused_and_records_nothing() {
            final Subject missing = ledger.registerMinor(1, 1);
            flag(missing);

            assertThat(ledger.refusal(GUARD, "crossing:OpenCrossingRequest", json(new OpenCrossingRequestCommand(
                            missing.subjectId(), POST, Direction.EXIT, null, null, true))))
                    .isEqualTo(ErrorCode.SUBJECT_FLAGGED_MISSING);
        }

        @Test
        void honours_a_requested_time_to_live() {
            final Subject subject = ledger.registerMinor(1, 1);

            final CrossingRequest request = ledger.ok(GUARD, CrossingRequest.class, "crossing:OpenCrossingRequest",
                    json(new OpenCrossingRequestCommand(subject.subjectId(), POST, Direction.ENTRY,
                            ledger.newId("companion"), 300)));

            assertThat(request.expiresAt()).isEqualTo(ledger.now().plusSeconds(300));
        }

        @Test
        void refuses_subjects_who_need_no_approval_or_are_missing() {
            assertThat(ledger.refusal(GUARD, "crossing:OpenCrossingRequest", json(new OpenCrossingRequestCommand(
                            ledger.registerSurvivor().subjectId(), POST, Direction.EXIT, null, null))))
                    .isEqualTo(ErrorCode.APPROVAL_NOT_REQUIRED);
            final Subject missing = ledger.registerMinor(1, 1);
            flag(missing);
            assertThat(ledger.refusal(GUARD, "crossing:OpenCrossingRequest", json(new OpenCrossingRequestCommand(
                            missing.subjectId(), POST, Direction.EXIT, null, null))))
                    .isEqualTo(ErrorCode.SUBJECT_FLAGGED_MISSING);
        }

        @Test
        void refuses_bad_input() {
            final String subjectId = ledger.registerMinor(1, 1).subjectId();
            final String valid = json(new OpenCrossingRequestCommand(subjectId, POST, Direction.EXIT, null, 600));

            for (final String bad : List.of(valid.replace("600", "86401"), valid.replace("600", "10"),
                    valid.replace("EXIT", "SIDEWAYS"), valid.replace(POST, "md-leuseni"),
                    valid.replace("{", "{\"companionName\":\"Ion\","))) {
                assertThat(ledger.refusal(GUARD, "crossing:OpenCrossingRequest", bad)).as(bad)
                        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
            }
        }
    }

    @Nested
    class RecordGuardianDecision {
        @Test
        void two_of_three_approvals_approve_the_request() {
            final Subject subject = ledger.registerMinor(2, 3);
            final CrossingRequest request = open(subject);

            final CrossingRequest first = decide(request, subject.guardianRefs().get(0), Decision.APPROVE);
            assertThat(first.status()).isEqualTo(RequestStatus.PENDING);
            assertThat(ledger.lastEvent().type()).isEqualTo(EventType.GUARDIAN_DECISION_RECORDED);

            final CrossingRequest second = decide(request, subject.guardianRefs().get(2), Decision.APPROVE);
            assertThat(second.status()).isEqualTo(RequestStatus.APPROVED);
            assertThat(second.decisions()).extracting(d -> d.guardianRef())
                    .containsExactly(subject.guardianRefs().get(0), subject.guardianRefs().get(2));
            assertThat(ledger.lastEvent().request()).isEqualTo(second);
            assertThat(ledger.lastEvent().alerts()).isEmpty();
        }

        @Test
        void refusals_that_make_the_quorum_unreachable_refuse_and_raise_an_alert() {
            final Subject subject = ledger.registerMinor(2, 3);
            final CrossingRequest request = open(subject);

            assertThat(decide(request, subject.guardianRefs().get(0), Decision.REFUSE).status())
                    .isEqualTo(RequestStatus.PENDING);
            final CrossingRequest refused = decide(request, subject.guardianRefs().get(1), Decision.REFUSE);

            assertThat(refused.status()).isEqualTo(RequestStatus.REFUSED);
            final LedgerEvent event = ledger.lastEvent();
            assertThat(event.alerts()).singleElement().satisfies(alert -> {
                assertThat(alert.type()).isEqualTo(AlertType.REFUSED_CROSSING);
                assertThat(alert.requestId()).isEqualTo(request.requestId());
            });
            assertThat(refusedDecision(request, subject.guardianRefs().get(2))).isEqualTo(ErrorCode.REQUEST_NOT_PENDING);
        }

        @Test
        void only_linked_guardians_once_each_before_expiry() {
            final Subject subject = ledger.registerMinor(2, 3);
            final CrossingRequest request = open(subject);

            assertThat(refusedDecision(request, ledger.newId("guardian"))).isEqualTo(ErrorCode.GUARDIAN_NOT_LINKED);
            decide(request, subject.guardianRefs().get(0), Decision.APPROVE);
            assertThat(refusedDecision(request, subject.guardianRefs().get(0)))
                    .isEqualTo(ErrorCode.GUARDIAN_ALREADY_DECIDED);
            ledger.advance(Duration.ofMinutes(15));
            assertThat(refusedDecision(request, subject.guardianRefs().get(1))).isEqualTo(ErrorCode.REQUEST_EXPIRED);
        }

        @Test
        void a_guardian_unlinked_after_the_request_opened_can_no_longer_decide() {
            final Subject subject = ledger.registerMinor(1, 2);
            final CrossingRequest request = open(subject);
            ledger.ok(OFFICER, Subject.class, "subject:ReplaceGuardians", json(new ReplaceGuardiansCommand(
                    subject.subjectId(), List.of(subject.guardianRefs().get(1)), 1)));

            assertThat(refusedDecision(request, subject.guardianRefs().get(0))).isEqualTo(ErrorCode.GUARDIAN_NOT_LINKED);
        }

        @Test
        void refuses_bad_input_and_unknown_requests() {
            final Subject subject = ledger.registerMinor(1, 1);
            final CrossingRequest request = open(subject);
            final String valid = json(new RecordGuardianDecisionCommand(request.requestId(),
                    subject.guardianRefs().get(0), Decision.APPROVE, EVIDENCE));

            assertThat(ledger.refusal(NOTIFIER, "crossing:RecordGuardianDecision", valid.replace(EVIDENCE, "abc")))
                    .isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(ledger.refusal(NOTIFIER, "crossing:RecordGuardianDecision", valid.replace("APPROVE", "YES")))
                    .isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(ledger.refusal(NOTIFIER, "crossing:RecordGuardianDecision",
                            valid.replace(request.requestId(), "0000000000000000")))
                    .isEqualTo(ErrorCode.REQUEST_NOT_FOUND);
        }
    }

    @Nested
    class ExpireAndCancel {
        @Test
        void an_unanswered_request_expires_only_after_its_time_and_raises_an_alert() {
            final Subject subject = ledger.registerMinor(1, 1);
            final CrossingRequest request = open(subject);

            assertThat(ledger.refusal(NOTIFIER, "crossing:ExpireCrossingRequest", request.requestId()))
                    .isEqualTo(ErrorCode.REQUEST_NOT_EXPIRED);
            ledger.advance(Duration.ofMinutes(16));
            final CrossingRequest expired =
                    ledger.ok(GUARD, CrossingRequest.class, "crossing:ExpireCrossingRequest", request.requestId());

            assertThat(expired.status()).isEqualTo(RequestStatus.EXPIRED);
            assertThat(ledger.lastEvent().type()).isEqualTo(EventType.CROSSING_REQUEST_CLOSED);
            assertThat(ledger.lastEvent().alerts()).extracting(Alert::type).containsExactly(AlertType.EXPIRED_REQUEST);
            assertThat(ledger.refusal(NOTIFIER, "crossing:ExpireCrossingRequest", request.requestId()))
                    .isEqualTo(ErrorCode.REQUEST_NOT_PENDING);
        }

        @Test
        void a_post_cancels_a_request_until_it_is_used() {
            final Subject subject = ledger.registerMinor(1, 1);
            final CrossingRequest cancelled = ledger.ok(GUARD, CrossingRequest.class,
                    "crossing:CancelCrossingRequest", open(subject).requestId());
            assertThat(cancelled.status()).isEqualTo(RequestStatus.CANCELLED);
            assertThat(ledger.lastEvent().type()).isEqualTo(EventType.CROSSING_REQUEST_CLOSED);

            final CrossingRequest used = open(subject);
            decide(used, subject.guardianRefs().get(0), Decision.APPROVE);
            ledger.ok(GUARD, Crossing.class, "crossing:RecordCrossing",
                    allowed(subject, LegalBasis.approval(used.requestId())));
            assertThat(ledger.refusal(GUARD, "crossing:CancelCrossingRequest", used.requestId()))
                    .isEqualTo(ErrorCode.REQUEST_NOT_PENDING);
            assertThat(ledger.refusal(GUARD, "crossing:CancelCrossingRequest", "bad id!"))
                    .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        }
    }

    @Nested
    class RecordCrossing {
        @Test
        void a_protected_minor_is_never_allowed_without_approval_preauthorisation_or_override() {
            final Subject subject = ledger.registerMinor(2, 3);

            assertThat(ledger.refusal(GUARD, "crossing:RecordCrossing", allowed(subject, LegalBasis.notRequired())))
                    .isEqualTo(ErrorCode.APPROVAL_REQUIRED);

            final CrossingRequest request = open(subject);
            decide(request, subject.guardianRefs().get(0), Decision.APPROVE);
            assertThat(ledger.refusal(GUARD, "crossing:RecordCrossing",
                            allowed(subject, LegalBasis.approval(request.requestId()))))
                    .as("one approval of the two required")
                    .isEqualTo(ErrorCode.APPROVAL_REQUIRED);
            assertThat(ledger.okList(GUARD, Crossing.class, "crossing:ListCrossings", subject.subjectId())).isEmpty();
        }

        @Test
        void a_two_of_three_approval_allows_one_crossing() {
            final Subject subject = ledger.registerMinor(2, 3);
            final CrossingRequest request = open(subject);
            decide(request, subject.guardianRefs().get(1), Decision.APPROVE);
            decide(request, subject.guardianRefs().get(2), Decision.APPROVE);

            final Crossing crossing = ledger.ok(GUARD, Crossing.class, "crossing:RecordCrossing",
                    allowed(subject, LegalBasis.approval(request.requestId())));

            assertThat(crossing.outcome()).isEqualTo(Outcome.ALLOWED);
            assertThat(crossing.recordedBy()).isEqualTo("BorderMSP/post-md-leuseni-01");
            assertThat(ledger.lastEvent().crossing()).isEqualTo(crossing);
            assertThat(ledger.ok(GUARD, CrossingRequest.class, "crossing:ReadCrossingRequest", request.requestId())
                    .crossingId()).isEqualTo(crossing.crossingId());
            assertThat(ledger.refusal(GUARD, "crossing:RecordCrossing",
                            allowed(subject, LegalBasis.approval(request.requestId()))))
                    .isEqualTo(ErrorCode.REQUEST_ALREADY_USED);
            assertThat(ledger.okList(NOTIFIER, Crossing.class, "crossing:ListCrossings", subject.subjectId()))
                    .containsExactly(crossing);
        }

        @Test
        void an_approval_holds_only_for_its_subject_post_direction_and_time() {
            final Subject subject = ledger.registerMinor(1, 1);
            final CrossingRequest request = open(subject);
            decide(request, subject.guardianRefs().get(0), Decision.APPROVE);
            final String approval = allowed(subject, LegalBasis.approval(request.requestId()));

            assertThat(ledger.refusal(GUARD, "crossing:RecordCrossing", approval.replace(POST, "MD-SCULENI")))
                    .isEqualTo(ErrorCode.REQUEST_MISMATCH);
            assertThat(ledger.refusal(GUARD, "crossing:RecordCrossing", approval.replace("EXIT", "ENTRY")))
                    .isEqualTo(ErrorCode.REQUEST_MISMATCH);
            final Subject other = ledger.registerMinor(1, 1);
            assertThat(ledger.refusal(GUARD, "crossing:RecordCrossing",
                            allowed(other, LegalBasis.approval(request.requestId()))))
                    .isEqualTo(ErrorCode.REQUEST_MISMATCH);
            ledger.advance(Duration.ofMinutes(15));
            assertThat(ledger.refusal(GUARD, "crossing:RecordCrossing", approval))
                    .isEqualTo(ErrorCode.REQUEST_EXPIRED);
        }

        @Test
        void a_refused_request_is_no_basis() {
            final Subject subject = ledger.registerMinor(1, 1);
            final CrossingRequest request = open(subject);
            decide(request, subject.guardianRefs().get(0), Decision.REFUSE);

            assertThat(ledger.refusal(GUARD, "crossing:RecordCrossing",
                            allowed(subject, LegalBasis.approval(request.requestId()))))
                    .isEqualTo(ErrorCode.APPROVAL_REQUIRED);
            final Crossing denied = ledger.ok(GUARD, Crossing.class, "crossing:RecordCrossing",
                    json(new RecordCrossingCommand(subject.subjectId(), POST, Direction.EXIT, Outcome.DENIED, null,
                            LegalBasis.approval(request.requestId()))));
            assertThat(denied.outcome()).isEqualTo(Outcome.DENIED);
        }

        @Test
        void a_supervisor_override_allows_and_raises_an_alert_but_a_guard_cannot_override() {
            final Subject subject = ledger.registerMinor(1, 1);
            final String override = allowed(subject, LegalBasis.override(OverrideReason.MEDICAL_EMERGENCY));

            assertThat(ledger.refusal(GUARD, "crossing:RecordCrossing", override)).isEqualTo(ErrorCode.ACCESS_DENIED);
            final Crossing crossing = ledger.ok(BORDER_SUPERVISOR, Crossing.class, "crossing:RecordCrossing", override);

            assertThat(crossing.basis().overrideReason()).isEqualTo(OverrideReason.MEDICAL_EMERGENCY);
            assertThat(ledger.lastEvent().alerts()).singleElement().satisfies(alert -> {
                assertThat(alert.type()).isEqualTo(AlertType.OVERRIDE);
                assertThat(alert.crossingId()).isEqualTo(crossing.crossingId());
            });
        }

        @Test
        void a_missing_child_is_never_allowed_even_by_override_but_may_be_denied() {
            final Subject subject = ledger.registerMinor(1, 1);
            flag(subject);

            assertThat(ledger.refusal(BORDER_SUPERVISOR, "crossing:RecordCrossing",
                            allowed(subject, LegalBasis.override(OverrideReason.COURT_ORDER))))
                    .isEqualTo(ErrorCode.SUBJECT_FLAGGED_MISSING);
            assertThat(ledger.ok(GUARD, Crossing.class, "crossing:RecordCrossing", json(new RecordCrossingCommand(
                            subject.subjectId(), POST, Direction.EXIT, Outcome.DENIED, null, LegalBasis.notRequired())))
                    .outcome()).isEqualTo(Outcome.DENIED);
        }

        @Test
        void survivors_and_minors_past_the_consent_month_need_no_approval() {
            assertThat(ledger.ok(GUARD, Crossing.class, "crossing:RecordCrossing",
                    allowed(ledger.registerSurvivor(), LegalBasis.notRequired())).outcome()).isEqualTo(Outcome.ALLOWED);

            final Subject grownUp = ledger.ok(OFFICER, Subject.class, "subject:RegisterSubject",
                    json(new RegisterSubjectCommand(ledger.newId("subject"), ledger.newCommitment(),
                            CommitmentScheme.FP_V1, ProtectionClass.MINOR, List.of(ledger.newId("guardian")), 1,
                            YearMonth.of(2026, 10))));
            assertThat(ledger.ok(GUARD, Crossing.class, "crossing:RecordCrossing",
                    allowed(grownUp, LegalBasis.notRequired())).outcome()).isEqualTo(Outcome.ALLOWED);
        }

        @Test
        void refuses_bad_input() {
            final Subject subject = ledger.registerMinor(1, 1);
            final String valid = allowed(subject, LegalBasis.notRequired());

            for (final String bad : List.of(valid.replace("NOT_REQUIRED", "BECAUSE"),
                    valid.replace("{\"type\":\"NOT_REQUIRED\"}", "{\"type\":\"APPROVAL\"}"),
                    valid.replace("{\"type\":\"NOT_REQUIRED\"}",
                            "{\"type\":\"NOT_REQUIRED\",\"overrideReason\":\"COURT_ORDER\"}"),
                    valid.replace("\"outcome\":\"ALLOWED\",", ""))) {
                assertThat(ledger.refusal(GUARD, "crossing:RecordCrossing", bad)).as(bad)
                        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
            }
            assertThat(ledger.refusal(BORDER_SUPERVISOR, "crossing:RecordCrossing", json(new RecordCrossingCommand(
                            subject.subjectId(), POST, Direction.EXIT, Outcome.DENIED, null,
                            LegalBasis.override(OverrideReason.COURT_ORDER)))))
                    .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        }
    }
}
