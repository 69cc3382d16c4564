package org.safepassage.devpeer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.gateway.PreparedTransaction;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.ledger.sim.Identity;

/**
 * Endorsement on the devpeer as on Fabric: the gateway plans from the chaincode-level policy and the key-level
 * validation parameters of the keys a transaction writes, and the committer checks each written key against its
 * committed parameter, else the chaincode-level policy.
 */
class EndorsementPolicyTest {
    private static final String REGISTER = "subject:RegisterSubject";

    @TempDir
    static Path data;

    private static DevPeer peer;
    private static TestNetwork network;
    private static Identity officer;

    @BeforeAll
    static void start() throws Exception {
        TestNetwork.material();
        peer = DevPeer.start(DevPeerConfig.of(data, TestNetwork.cryptoDirectory()).withPort(0)
                .withBlockCutting(10, Duration.ofMillis(20)));
        network = new TestNetwork(peer.port());
        officer = TestNetwork.user("RegistryMSP", "officer");
    }

    @AfterAll
    static void stop() throws Exception {
        network.close();
        peer.close();
    }

    private static Contract contract() {
        return network.connect(officer).getNetwork(TestNetwork.CHANNEL).getContract("safepassage");
    }

    private static String registered() throws Exception {
        return CanonicalJson.parse(newRegistration().submit(), org.safepassage.chaincode.model.Subject.class)
                .subjectId();
    }

    @Test
    void a_creation_is_endorsed_by_every_organisation_of_the_chaincode_level_policy() throws Exception {
        final Transaction endorsed = newRegistration();

        assertThat(endorserMsps(envelope(endorsed)))
                .containsExactlyInAnyOrder("RegistryMSP", "BorderMSP", "ChildProtectionMSP");
        assertThat(endorsed.submitAsync().getStatus().getCode()).isEqualTo(TxValidationCode.VALID);
    }

    @Test
    void an_update_is_endorsed_by_the_organisations_of_its_keys_validation_parameter_alone() throws Exception {
        final String subjectId = registered();

        final Transaction flag = contract().newProposal("subject:FlagMissing").addArguments(subjectId).build()
                .endorse();

        assertThat(endorserMsps(envelope(flag))).containsExactlyInAnyOrder("RegistryMSP", "ChildProtectionMSP");
        assertThat(flag.submitAsync().getStatus().getCode()).isEqualTo(TxValidationCode.VALID);
    }

    @Test
    void an_update_endorsed_by_too_few_of_its_keys_organisations_is_an_endorsement_policy_failure() throws Exception {
        final String subjectId = registered();

        // RegistryMSP with BorderMSP would satisfy neither the subject's parameter nor, here, anything else
        final Transaction flag = contract().newProposal("subject:FlagMissing").addArguments(subjectId)
                .setEndorsingOrganizations("RegistryMSP", "BorderMSP").build().endorse();

        assertThat(endorserMsps(envelope(flag))).containsExactly("RegistryMSP", "BorderMSP");
        assertThat(flag.submitAsync().getStatus().getCode()).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
        final Transaction retried = contract().newProposal("subject:FlagMissing").addArguments(subjectId).build()
                .endorse();
        assertThat(retried.submitAsync().getStatus().getCode()).isEqualTo(TxValidationCode.VALID);
    }

    @Test
    void a_client_naming_its_endorsing_organisations_gets_endorsements_from_those_alone() throws Exception {
        final Transaction endorsed = contract().newProposal(REGISTER)
                .addArguments(CanonicalJson.toJson(Commands.minor(1, 1)))
                .setEndorsingOrganizations("RegistryMSP").build().endorse();

        assertThat(endorserMsps(envelope(endorsed))).containsExactly("RegistryMSP");
        // as on Fabric, too few organisations are caught at validation, not refused at endorsement
        assertThat(endorsed.submitAsync().getStatus().getCode())
                .isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
    }

    @Nested
    class AtCommit {
        @Test
        void a_transaction_missing_a_required_endorsement_is_an_endorsement_policy_failure() throws Exception {
            final Transaction endorsed = newRegistration();

            final TxValidationCode code = resubmit(endorsed, action -> action.toBuilder()
                    .setAction(action.getAction().toBuilder().removeEndorsements(1)).build());

            assertThat(code).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
        }

        @Test
        void a_response_changed_after_endorsement_fails_the_endorsement_signatures() throws Exception {
            final Transaction endorsed = newRegistration();

            final TxValidationCode code = resubmit(endorsed, action -> action.toBuilder()
                    .setAction(action.getAction().toBuilder().setProposalResponsePayload(
                            forgedResponse(action.getAction().getProposalResponsePayload())))
                    .build());

            assertThat(code).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
        }
    }

    /** The same response with a different chaincode result, as a client rewriting history would send. */
    private static ByteString forgedResponse(final ByteString responsePayload) {
        try {
            final ProposalResponsePayload payload = ProposalResponsePayload.parseFrom(responsePayload);
            final ChaincodeAction action = ChaincodeAction.parseFrom(payload.getExtension());
            return payload.toBuilder().setExtension(action.toBuilder()
                            .setResponse(action.getResponse().toBuilder().setPayload(ByteString.copyFromUtf8("{}")))
                            .build().toByteString())
                    .build().toByteString();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Transaction newRegistration() throws Exception {
        final Contract contract = network.connect(officer).getNetwork(TestNetwork.CHANNEL).getContract("safepassage");
        return contract.newProposal(REGISTER).addArguments(CanonicalJson.toJson(Commands.minor(1, 1))).build()
                .endorse();
    }

    /** Rewrites the action of an endorsed transaction, signs the result as its client and submits it. */
    private static TxValidationCode resubmit(final Transaction endorsed,
            final UnaryOperator<ChaincodeActionPayload> change) throws Exception {
        final PreparedTransaction prepared = PreparedTransaction.parseFrom(endorsed.getBytes());
        final Payload payload = Payload.parseFrom(prepared.getEnvelope().getPayload());
        final org.hyperledger.fabric.protos.peer.Transaction transaction =
                org.hyperledger.fabric.protos.peer.Transaction.parseFrom(payload.getData());
        final ChaincodeActionPayload changed =
                change.apply(ChaincodeActionPayload.parseFrom(transaction.getActions(0).getPayload()));
        final ByteString newPayload = payload.toBuilder().setData(transaction.toBuilder()
                        .setActions(0, transaction.getActions(0).toBuilder().setPayload(changed.toByteString()))
                        .build().toByteString())
                .build().toByteString();
        final PreparedTransaction tampered = prepared.toBuilder()
                .setEnvelope(Envelope.newBuilder().setPayload(newPayload)).build();
        final byte[] digest = MessageDigest.getInstance("SHA-256").digest(newPayload.toByteArray());
        final Gateway gateway = network.connect(officer);
        final Transaction signed = gateway.newSignedTransaction(tampered.toByteArray(),
                Signers.newPrivateKeySigner(officer.privateKey()).sign(digest));
        return signed.submitAsync().getStatus().getCode();
    }

    private static Envelope envelope(final Transaction transaction) throws Exception {
        return PreparedTransaction.parseFrom(transaction.getBytes()).getEnvelope();
    }

    private static java.util.List<String> endorserMsps(final Envelope envelope) throws Exception {
        final var transaction = org.hyperledger.fabric.protos.peer.Transaction.parseFrom(
                Payload.parseFrom(envelope.getPayload()).getData());
        final ChaincodeActionPayload action = ChaincodeActionPayload.parseFrom(transaction.getActions(0).getPayload());
        final java.util.List<String> msps = new java.util.ArrayList<>();
        for (var endorsement : action.getAction().getEndorsementsList()) {
            msps.add(SerializedIdentity.parseFrom(endorsement.getEndorser()).getMspid());
            assertThat(Signatures.isLowS(endorsement.getSignature().toByteArray())).isTrue();
        }
        return msps;
    }
}
