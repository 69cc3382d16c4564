package org.safepassage.chaincode.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.safepassage.chaincode.client.GatewayErrors.TX_ID;
import static org.safepassage.chaincode.client.GatewayErrors.commitFailed;
import static org.safepassage.chaincode.client.GatewayErrors.endorsementRefused;
import static org.safepassage.chaincode.client.GatewayErrors.evaluationRefused;
import static org.safepassage.chaincode.client.GatewayErrors.withDetails;
import static org.safepassage.chaincode.client.Records.COMMITMENT;
import static org.safepassage.chaincode.client.Records.SUBJECT_ID;

import io.grpc.Status;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.ErrorCode;

class LedgerFailuresTest {
    final ScriptedLedger ledger = new ScriptedLedger();
    final SafePassageChaincode chaincode = ledger.client();

    @Nested
    class Refusals {
        @Test
        void maps_an_endorsement_refusal_in_the_error_details_to_its_code() {
            final EndorseException cause = new EndorseException(TX_ID,
                    endorsementRefused("SUBJECT_ALREADY_EXISTS: subject " + SUBJECT_ID + " is already registered"));
            ledger.fails(cause);

            final ChaincodeRefusedException e = catchThrowableOfType(ChaincodeRefusedException.class,
                    () -> chaincode.subjects().register(Records.register()));

            assertThat(e.getCode()).isEqualTo(ErrorCode.SUBJECT_ALREADY_EXISTS);
            assertThat(e.getExplanation()).isEqualTo("subject " + SUBJECT_ID + " is already registered");
            assertThat(e).hasMessage("SUBJECT_ALREADY_EXISTS: subject " + SUBJECT_ID + " is already registered")
                    .hasCause(cause);
            assertThat(e.getTransactionId()).contains(TX_ID);
        }

        @Test
        void maps_an_evaluation_refusal_in_the_status_message_to_its_code() {
            ledger.fails(new GatewayException(evaluationRefused("REQUEST_NOT_FOUND: no crossing request " + TX_ID)));

            final ChaincodeRefusedException e = catchThrowableOfType(ChaincodeRefusedException.class,
                    () -> chaincode.crossings().readRequest(Records.REQUEST_ID));

            assertThat(e.getCode()).isEqualTo(ErrorCode.REQUEST_NOT_FOUND);
            assertThat(e.getExplanation()).isEqualTo("no crossing request " + TX_ID);
            assertThat(e.getTransactionId()).isEmpty();
        }

        @Test
        void maps_a_second_open_request_to_a_refusal_naming_the_open_one() {
            final String open = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2";
            final EndorseException cause = new EndorseException(TX_ID, endorsementRefused(
                    "REQUEST_ALREADY_OPEN: subject " + SUBJECT_ID + " already has open crossing request " + open));
            ledger.fails(cause);

            final RequestAlreadyOpenException e = catchThrowableOfType(RequestAlreadyOpenException.class,
                    () -> chaincode.crossings().openRequest(Records.openRequest()));

            assertThat(e.getOpenRequestId()).isEqualTo(open);
            assertThat(e.getCode()).isEqualTo(ErrorCode.REQUEST_ALREADY_OPEN);
            assertThat(e).isInstanceOf(ChaincodeRefusedException.class).hasCause(cause);
            assertThat(e.getTransactionId()).contains(TX_ID);
        }

        @Test
        void a_second_open_request_refusal_naming_no_request_stays_a_plain_refusal() {
            ledger.fails(new EndorseException(TX_ID, endorsementRefused("REQUEST_ALREADY_OPEN: one at a time")));

            assertThatThrownBy(() -> chaincode.crossings().openRequest(Records.openRequest()))
                    .isExactlyInstanceOf(ChaincodeRefusedException.class)
                    .extracting(e -> ((ChaincodeRefusedException) e).getCode())
                    .isEqualTo(ErrorCode.REQUEST_ALREADY_OPEN);
        }

        @Test
        void takes_the_first_capitalised_word_that_is_an_error_code() {
            ledger.fails(new EndorseException(TX_ID, withDetails(Status.Code.ABORTED, "ERROR: failed to endorse",
                    "peer BORDER: chaincode response 500, NOT_A_CODE_QUORUM_NOT_MET: x",
                    "chaincode response 500, QUORUM_NOT_MET: 1 of 2 guardians approved; ALERT_NOT_FOUND: y")));

            assertThatThrownBy(() -> chaincode.crossings().recordCrossing(Records.recordCrossing()))
                    .isInstanceOfSatisfying(ChaincodeRefusedException.class, e -> {
                        assertThat(e.getCode()).isEqualTo(ErrorCode.QUORUM_NOT_MET);
                        assertThat(e.getExplanation()).isEqualTo("1 of 2 guardians approved; ALERT_NOT_FOUND: y");
                    });
        }

        @Test
        void reports_a_failure_without_an_error_code_as_a_plain_ledger_exception_with_the_peer_message() {
            final EndorseException cause = new EndorseException(TX_ID, withDetails(Status.Code.ABORTED,
                    "failed to endorse transaction, see attached details for more info",
                    "chaincode response 500, Undefined contract method called"));
            ledger.fails(cause);

            final LedgerException e = catchThrowableOfType(LedgerException.class,
                    () -> chaincode.alerts().acknowledge(Records.acknowledge()));

            assertThat(e).isExactlyInstanceOf(LedgerException.class).hasCause(cause)
                    .hasMessageContaining("alert:AcknowledgeAlert")
                    .hasMessageContaining("ABORTED")
                    .hasMessageContaining("BorderMSP@peer0.border.safepassage.test:7051")
                    .hasMessageContaining("Undefined contract method called");
            assertThat(e.getTransactionId()).contains(TX_ID);
        }

        @Test
        void finding_an_unknown_commitment_is_empty_rather_than_a_refusal() {
            ledger.fails(new GatewayException(evaluationRefused("SUBJECT_NOT_FOUND: no subject has this commitment")));

            assertThat(chaincode.subjects().findByCommitment(CommitmentScheme.FP_V1, COMMITMENT)).isEmpty();
        }

        @Test
        void finding_an_erased_subject_by_commitment_is_still_refused() {
            ledger.fails(new GatewayException(evaluationRefused("SUBJECT_ERASED: subject " + SUBJECT_ID)));

            assertThatThrownBy(() -> chaincode.subjects().findByCommitment(CommitmentScheme.FP_V1, COMMITMENT))
                    .isInstanceOfSatisfying(ChaincodeRefusedException.class,
                            e -> assertThat(e.getCode()).isEqualTo(ErrorCode.SUBJECT_ERASED));
        }
    }

    @Nested
    class Commits {
        @ParameterizedTest
        @EnumSource(value = TxValidationCode.class, names = {"MVCC_READ_CONFLICT", "PHANTOM_READ_CONFLICT"})
        void maps_a_read_conflict_to_a_retryable_conflict_keeping_the_transaction_id(final TxValidationCode code) {
            final CommitException cause = commitFailed(TX_ID, code);
            ledger.fails(cause);

            final LedgerConflictException e = catchThrowableOfType(LedgerConflictException.class,
                    () -> chaincode.crossings().recordDecision(Records.decision()));

            assertThat(e.getValidationCode()).isEqualTo(code);
            assertThat(e.getTransactionId()).contains(TX_ID);
            assertThat(e).hasCause(cause).hasMessageContaining(TX_ID).hasMessageContaining(code.name());
        }

        @Test
        void maps_any_other_validation_failure_to_an_invalid_transaction_that_is_not_a_conflict() {
            ledger.fails(commitFailed(TX_ID, TxValidationCode.ENDORSEMENT_POLICY_FAILURE));

            final TransactionInvalidException e = catchThrowableOfType(TransactionInvalidException.class,
                    () -> chaincode.crossings().recordCrossing(Records.recordCrossing()));

            assertThat(e).isNotInstanceOf(LedgerConflictException.class);
            assertThat(e.getValidationCode()).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
            assertThat(e.getTransactionId()).contains(TX_ID);
        }

        @Test
        void a_conflict_must_carry_a_conflict_code() {
            assertThatThrownBy(() -> new LedgerConflictException(TX_ID, TxValidationCode.DUPLICATE_TXID, null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Unavailability {
        @Test
        void an_unreachable_gateway_at_endorsement_is_unavailable_and_certainly_not_committed() {
            ledger.fails(new EndorseException(TX_ID, Status.UNAVAILABLE.withDescription("io exception")
                    .asRuntimeException()));

            final LedgerUnavailableException e = catchThrowableOfType(LedgerUnavailableException.class,
                    () -> chaincode.subjects().flagMissing(SUBJECT_ID));

            assertThat(e.isOutcomeUnknown()).isFalse();
            assertThat(e.getTransactionId()).contains(TX_ID);
        }

        @Test
        void no_peers_to_satisfy_the_endorsement_policies_is_unavailable_and_certainly_not_committed() {
            ledger.fails(new EndorseException(TX_ID, Status.FAILED_PRECONDITION.withDescription(
                    "no combination of peers can be derived which satisfy the endorsement policy: no peer of"
                            + " RegistryMSP").asRuntimeException()));

            final LedgerUnavailableException e = catchThrowableOfType(LedgerUnavailableException.class,
                    () -> chaincode.subjects().flagMissing(SUBJECT_ID));

            assertThat(e.isOutcomeUnknown()).isFalse();
        }

        @Test
        void an_evaluation_past_its_deadline_is_unavailable() {
            ledger.fails(new GatewayException(Status.DEADLINE_EXCEEDED.asRuntimeException()));

            assertThatThrownBy(() -> chaincode.alerts().listOpen()).isInstanceOf(LedgerUnavailableException.class)
                    .hasMessageContaining("alert:ListOpenAlerts").hasMessageContaining("DEADLINE_EXCEEDED");
        }

        @Test
        void unreachable_orderers_are_unavailable_and_not_committed() {
            ledger.fails(new SubmitException(TX_ID, Status.UNAVAILABLE.asRuntimeException()));

            assertThatThrownBy(() -> chaincode.trips().authorise(Records.authoriseTrip()))
                    .isInstanceOfSatisfying(LedgerUnavailableException.class,
                            e -> assertThat(e.isOutcomeUnknown()).isFalse());
        }

        @Test
        void a_submission_past_its_deadline_may_still_commit() {
            ledger.fails(new SubmitException(TX_ID, Status.DEADLINE_EXCEEDED.asRuntimeException()));

            assertThatThrownBy(() -> chaincode.trips().authorise(Records.authoriseTrip()))
                    .isInstanceOfSatisfying(LedgerUnavailableException.class,
                            e -> assertThat(e.isOutcomeUnknown()).isTrue());
        }

        @Test
        void a_lost_commit_status_leaves_the_outcome_unknown_whatever_its_grpc_code() {
            ledger.fails(new CommitStatusException(TX_ID, Status.PERMISSION_DENIED.asRuntimeException()));

            final LedgerUnavailableException e = catchThrowableOfType(LedgerUnavailableException.class,
                    () -> chaincode.crossings().recordCrossing(Records.recordCrossing()));

            assertThat(e.isOutcomeUnknown()).isTrue();
            assertThat(e.getTransactionId()).contains(TX_ID);
        }

        @Test
        void a_submission_rejected_for_another_reason_is_a_plain_ledger_exception() {
            ledger.fails(new SubmitException(TX_ID, Status.FAILED_PRECONDITION.asRuntimeException()));

            assertThatThrownBy(() -> chaincode.trips().revoke(Records.revokeTrip()))
                    .isExactlyInstanceOf(LedgerException.class);
        }
    }

    @Nested
    class Results {
        @Test
        void a_committed_result_that_is_not_json_fails_with_the_committed_transaction_id() {
            ledger.returnsJson("not json");

            final LedgerException e = catchThrowableOfType(LedgerException.class,
                    () -> chaincode.subjects().register(Records.register()));

            assertThat(e).isExactlyInstanceOf(LedgerException.class)
                    .hasMessageStartingWith("subject:RegisterSubject returned a result that is not a valid Subject");
            assertThat(e.getTransactionId()).contains(ScriptedLedger.TX_ID);
        }

        @Test
        void a_result_breaking_the_record_rules_is_refused() {
            ledger.returnsJson("{\"subjectId\":\"short\"}");

            assertThatThrownBy(() -> chaincode.subjects().read(SUBJECT_ID)).isExactlyInstanceOf(LedgerException.class)
                    .hasMessageContaining("not a valid Subject");
        }

        @Test
        void a_list_query_answered_with_an_object_is_refused() {
            ledger.returns(Records.trip());

            assertThatThrownBy(() -> chaincode.trips().list(SUBJECT_ID)).isExactlyInstanceOf(LedgerException.class)
                    .hasMessageContaining("not a valid list of PreAuthorisedTrip");
        }

        @Test
        void an_empty_result_is_refused() {
            ledger.returnsJson("");

            assertThatThrownBy(() -> chaincode.alerts().read(Records.ALERT_ID))
                    .isExactlyInstanceOf(LedgerException.class).hasMessageContaining("not a valid Alert");
        }
    }
}
