package org.safepassage.devpeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import java.nio.file.Path;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.chaincode.client.ChaincodeRefusedException;
import org.safepassage.chaincode.client.SafePassageChaincode;
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.ledger.sim.CertificateAuthority;
import org.safepassage.ledger.sim.Identity;

class GatewayProtocolTest {
    @TempDir
    static Path data;

    private static DevPeer peer;
    private static TestNetwork network;
    private static Identity officer;
    private static Identity guard;

    @BeforeAll
    static void start() throws Exception {
        peer = TestNetwork.startPeer(data);
        network = new TestNetwork(peer.port());
        officer = TestNetwork.user("RegistryMSP", "officer");
        guard = TestNetwork.user("BorderMSP", "guard");
    }

    @AfterAll
    static void stop() throws Exception {
        network.close();
        peer.close();
    }

    @Test
    void submits_and_evaluates_through_the_typed_client() {
        final SafePassageChaincode chaincode = network.chaincode(officer);
        final RegisterSubjectCommand command = Commands.minor(2, 1);

        final Subject registered = chaincode.subjects().register(command);

        assertThat(registered.subjectId()).isEqualTo(command.subjectId());
        assertThat(chaincode.subjects().read(command.subjectId())).isEqualTo(registered);
        assertThat(network.chaincode(guard).subjects().read(command.subjectId())).isEqualTo(registered);
    }

    @Test
    void a_chaincode_refusal_on_submit_reaches_the_client_as_its_error_code() {
        final SafePassageChaincode chaincode = network.chaincode(officer);
        final RegisterSubjectCommand command = Commands.minor(1, 1);
        chaincode.subjects().register(command);

        assertThatThrownBy(() -> chaincode.subjects().register(command))
                .isInstanceOfSatisfying(ChaincodeRefusedException.class,
                        e -> assertThat(e.getCode()).isEqualTo(ErrorCode.SUBJECT_ALREADY_EXISTS));
        assertThatThrownBy(() -> network.chaincode(guard).subjects().register(Commands.minor(1, 1)))
                .isInstanceOfSatisfying(ChaincodeRefusedException.class,
                        e -> assertThat(e.getCode()).isEqualTo(ErrorCode.ACCESS_DENIED));
    }

    @Test
    void a_chaincode_refusal_on_evaluate_reaches_the_client_as_its_error_code() {
        assertThatThrownBy(() -> network.chaincode(officer).subjects().read(Commands.newId("subject")))
                .isInstanceOfSatisfying(ChaincodeRefusedException.class,
                        e -> assertThat(e.getCode()).isEqualTo(ErrorCode.SUBJECT_NOT_FOUND));
    }

    @Test
    void evaluate_failures_in_the_chaincode_answer_unknown_as_fabric_does() {
        final Contract contract = network.connect(officer).getNetwork(TestNetwork.CHANNEL).getContract("safepassage");

        assertThatThrownBy(() -> contract.evaluateTransaction("subject:ReadSubject", "nobody-0000000000000000"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNKNOWN);
                    assertThat(e.getDetails()).singleElement().satisfies(detail -> assertThat(detail.getMessage())
                            .startsWith("chaincode response 500, SUBJECT_NOT_FOUND: "));
                });
    }

    @Test
    void endorse_failures_carry_the_gateway_status_and_the_chaincode_message_in_the_details() {
        final Contract contract = network.connect(officer).getNetwork(TestNetwork.CHANNEL).getContract("safepassage");

        assertThatThrownBy(() -> contract.newProposal("subject:ReadSubject").addArguments("nobody-0000000000000000")
                        .build().endorse())
                .isInstanceOfSatisfying(EndorseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
                    assertThat(e.getDetails()).singleElement().satisfies(detail -> assertThat(detail.getMessage())
                            .startsWith("chaincode response 500, SUBJECT_NOT_FOUND: "));
                });
    }

    @Test
    void a_committed_transaction_reports_its_block_and_validation_code() throws Exception {
        final Contract contract = network.connect(officer).getNetwork(TestNetwork.CHANNEL).getContract("safepassage");
        final RegisterSubjectCommand command = Commands.minor(1, 1);

        final var commit = contract.newProposal("subject:RegisterSubject")
                .addArguments(CanonicalJson.toJson(command)).build().endorse().submitAsync();

        final var status = commit.getStatus();
        assertThat(status.getCode()).isEqualTo(TxValidationCode.VALID);
        assertThat(status.getBlockNumber()).isPositive();
        assertThat(commit.getResult()).isNotEmpty();
        assertThat(network.connect(guard).getNetwork(TestNetwork.CHANNEL).getContract("safepassage")
                        .newProposal("subject:RegisterSubject").build().getTransactionId())
                .hasSize(64);
    }

    @Test
    void a_proposal_signed_with_another_key_is_refused_and_nothing_is_written() {
        final long height = peer.height();
        final Gateway forged = network.connect(officer, guard);
        final Contract contract = forged.getNetwork(TestNetwork.CHANNEL).getContract("safepassage");
        final Proposal proposal = contract.newProposal("subject:RegisterSubject")
                .addArguments(CanonicalJson.toJson(Commands.minor(1, 1))).build();

        assertThatThrownBy(proposal::endorse).isInstanceOfSatisfying(EndorseException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
            assertThat(e.getDetails()).singleElement()
                    .satisfies(detail -> assertThat(detail.getMessage()).contains("signature", "invalid"));
        });
        assertThatThrownBy(proposal::evaluate).isInstanceOf(GatewayException.class);
        assertThat(peer.height()).isEqualTo(height);
    }

    @Test
    void a_member_of_an_unknown_msp_is_refused() {
        final CertificateAuthority outside = CertificateAuthority.create("OutsiderMSP");
        final Identity stranger = outside.issue("outsider-01", "client", java.util.Map.of("role", "officer"));

        assertThatThrownBy(() -> network.connect(stranger).getNetwork(TestNetwork.CHANNEL).getContract("safepassage")
                        .evaluateTransaction("subject:ReadSubject", "nobody-0000000000000000"))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.getDetails()).singleElement()
                        .satisfies(detail -> assertThat(detail.getMessage()).contains("OutsiderMSP")));
    }

    @Test
    void an_envelope_signature_that_does_not_match_its_payload_is_refused_at_submit() throws Exception {
        final long height = peer.height();
        final Gateway gateway = network.connect(officer);
        final Contract contract = gateway.getNetwork(TestNetwork.CHANNEL).getContract("safepassage");
        final Transaction endorsed = contract.newProposal("subject:RegisterSubject")
                .addArguments(CanonicalJson.toJson(Commands.minor(1, 1))).build().endorse();
        final byte[] otherDigest = contract.newProposal("subject:RegisterSubject")
                .addArguments(CanonicalJson.toJson(Commands.minor(1, 1))).build().endorse().getDigest();
        final byte[] wrongSignature = Signers.newPrivateKeySigner(officer.privateKey()).sign(otherDigest);

        final Transaction tampered = gateway.newSignedTransaction(endorsed.getBytes(), wrongSignature);

        assertThatThrownBy(tampered::submit).isInstanceOfSatisfying(SubmitException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
            assertThat(e.getStatus().getDescription()).contains("FORBIDDEN");
        });
        assertThat(peer.height()).isEqualTo(height);
    }

    @Test
    void commit_status_and_event_requests_with_a_bad_signature_are_permission_denied() throws Exception {
        final Gateway gateway = network.connect(officer);
        final var submitted = gateway.getNetwork(TestNetwork.CHANNEL).getContract("safepassage")
                .newProposal("subject:RegisterSubject").addArguments(CanonicalJson.toJson(Commands.minor(1, 1)))
                .build().endorse().submitAsync();
        final byte[] wrong = Signers.newPrivateKeySigner(guard.privateKey()).sign(submitted.getDigest());
        final var events = gateway.getNetwork(TestNetwork.CHANNEL).newChaincodeEventsRequest("safepassage").build();
        final byte[] wrongForEvents = Signers.newPrivateKeySigner(guard.privateKey()).sign(events.getDigest());

        assertThatThrownBy(() -> gateway.newSignedCommit(submitted.getBytes(), wrong).getStatus())
                .isInstanceOfSatisfying(CommitStatusException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThatThrownBy(() -> gateway.newSignedChaincodeEventsRequest(events.getBytes(), wrongForEvents).getEvents()
                        .hasNext())
                .isInstanceOfSatisfying(GatewayRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThat(submitted.getStatus().isSuccessful()).isTrue();
    }

    @Test
    void an_oversized_proposal_is_refused_with_resource_exhausted() {
        final Contract contract = network.connect(officer).getNetwork(TestNetwork.CHANNEL).getContract("safepassage");

        assertThatThrownBy(() -> contract.evaluateTransaction("subject:ReadSubject", "x".repeat(5 * 1024 * 1024)))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
    }

    @Test
    void a_proposal_for_another_chaincode_is_refused() {
        assertThatThrownBy(() -> network.connect(officer).getNetwork(TestNetwork.CHANNEL).getContract("other")
                        .evaluateTransaction("subject:ReadSubject", "nobody-0000000000000000"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
                    assertThat(e.getDetails()).singleElement()
                            .satisfies(detail -> assertThat(detail.getMessage()).contains("chaincode other not found"));
                });
    }

    @Test
    void a_proposal_for_another_channel_is_refused() {
        assertThatThrownBy(() -> network.connect(officer).getNetwork("elsewhere").getContract("safepassage")
                        .evaluateTransaction("subject:ReadSubject", "nobody-0000000000000000"))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void an_unknown_chaincode_function_is_refused_by_the_chaincode() {
        assertThatThrownBy(() -> network.connect(officer).getNetwork(TestNetwork.CHANNEL).getContract("safepassage")
                        .submitTransaction("subject:NoSuchTransaction"))
                .isInstanceOfSatisfying(EndorseException.class,
                        e -> assertThat(e.getDetails()).singleElement().satisfies(detail -> assertThat(
                                detail.getMessage()).startsWith("chaincode response 500, ")));
    }
}
