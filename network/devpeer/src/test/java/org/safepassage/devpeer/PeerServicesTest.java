package org.safepassage.devpeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.orderer.SeekInfo;
import org.hyperledger.fabric.protos.orderer.SeekNewest;
import org.hyperledger.fabric.protos.orderer.SeekOldest;
import org.hyperledger.fabric.protos.orderer.SeekPosition;
import org.hyperledger.fabric.protos.orderer.SeekSpecified;
import org.hyperledger.fabric.protos.peer.ChaincodeHeaderExtension;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeSpec;
import org.hyperledger.fabric.protos.peer.DeliverGrpc;
import org.hyperledger.fabric.protos.peer.DeliverResponse;
import org.hyperledger.fabric.protos.peer.EndorserGrpc;
import org.hyperledger.fabric.protos.peer.FilteredBlock;
import org.hyperledger.fabric.protos.peer.FilteredTransaction;
import org.hyperledger.fabric.protos.peer.ProcessedTransaction;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.ProposalResponse;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.ledger.sim.CertificateAuthority;
import org.safepassage.ledger.sim.Identity;

/**
 * The peer services the {@code peer} CLI and older SDKs use, spoken to over raw gRPC: Endorser
 * {@code ProcessProposal} (chaincode and qscc) and Deliver (blocks, filtered blocks, blocks with private data).
 */
class PeerServicesTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    static Path data;

    private static DevPeer peer;
    private static TestNetwork network;
    private static ManagedChannel channel;
    private static Identity officer;
    private static Identity analyst;

    @BeforeAll
    static void start() throws Exception {
        peer = TestNetwork.startPeer(data);
        network = new TestNetwork(peer.port());
        channel = NettyChannelBuilder.forAddress("localhost", peer.port()).usePlaintext().build();
        officer = TestNetwork.user("RegistryMSP", "officer");
        analyst = TestNetwork.user("ChildProtectionMSP", "analyst");
    }

    @AfterAll
    static void stop() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        network.close();
        peer.close();
    }

    private static String register() {
        final RegisterSubjectCommand command = Commands.minor(1, 1);
        network.chaincode(officer).subjects().register(command);
        return command.subjectId();
    }

    private static ProposalResponse propose(final SignedProposal proposal) {
        return EndorserGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS).processProposal(proposal);
    }

    @Nested
    class ProcessProposal {
        @Test
        void endorses_a_chaincode_query_with_the_creators_organisation_peer() throws Exception {
            final String subjectId = register();
            final SignedProposal proposal = Proposals.of(officer, "safepassage", "safepassage",
                    "subject:ReadSubject", subjectId).signed();

            final ProposalResponse response = propose(proposal);

            assertThat(response.getResponse().getStatus()).isEqualTo(200);
            assertThat(response.getResponse().getPayload().toStringUtf8()).contains(subjectId);
            final Identity endorser = TestNetwork.material().peer("RegistryMSP");
            assertThat(response.getEndorsement().getEndorser().toByteArray()).isEqualTo(endorser.serialized());
            assertThat(Signatures.verify(endorser.certificate().getPublicKey(),
                    response.getPayload().concat(response.getEndorsement().getEndorser()).toByteArray(),
                    response.getEndorsement().getSignature().toByteArray())).isTrue();
        }

        @Test
        void refuses_a_proposal_whose_signature_does_not_verify_as_a_grpc_error() {
            final SignedProposal proposal = Proposals.of(officer, "safepassage", "safepassage",
                    "subject:ReadSubject", "x").signedBy(analyst);

            assertThatThrownBy(() -> propose(proposal)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNKNOWN);
                assertThat(e.getStatus().getDescription()).contains("access denied").contains("signature");
            });
        }

        @Test
        void refuses_a_member_of_an_unknown_msp() {
            final Identity stranger = CertificateAuthority.create("StrangerMSP", "ca.stranger").issue("someone",
                    "client", java.util.Map.of());
            assertThatThrownBy(() -> propose(Proposals.of(stranger, "", "qscc", "GetChainInfo", "safepassage")
                            .signed()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(
                            e.getStatus().getDescription()).contains("StrangerMSP"));
        }

        @Test
        void refuses_a_proposal_whose_transaction_is_already_on_the_ledger() throws Exception {
            final RegisterSubjectCommand command = Commands.minor(1, 1);
            final org.hyperledger.fabric.client.Proposal submitted = network.connect(officer)
                    .getNetwork("safepassage").getContract("safepassage", "subject")
                    .newProposal("RegisterSubject")
                    .addArguments(org.safepassage.chaincode.model.CanonicalJson.toJson(command))
                    .build();
            assertThat(submitted.endorse().submit()).isNotEmpty();
            final SignedProposal replay = org.hyperledger.fabric.protos.gateway.ProposedTransaction
                    .parseFrom(submitted.getBytes()).getProposal();

            assertThatThrownBy(() -> propose(replay)).isInstanceOfSatisfying(StatusRuntimeException.class,
                    e -> assertThat(e.getStatus().getDescription())
                            .contains("duplicate transaction found [" + submitted.getTransactionId() + "]"));
        }

        @Test
        void qscc_answers_channel_less_proposals_unendorsed() throws Exception {
            register();
            final ProposalResponse response = propose(Proposals.of(analyst, "", "qscc", "GetChainInfo",
                    "safepassage").signed());

            assertThat(response.getResponse().getStatus()).isEqualTo(200);
            assertThat(response.hasEndorsement()).isFalse();
            final BlockchainInfo info = BlockchainInfo.parseFrom(response.getResponse().getPayload());
            final Block last = deliverOne(analyst, position(newest()), position(newest()));
            assertThat(info.getHeight()).isEqualTo(last.getHeader().getNumber() + 1);
            assertThat(info.getCurrentBlockHash().toByteArray()).isEqualTo(Blocks.headerHash(last.getHeader()));
            assertThat(info.getPreviousBlockHash()).isEqualTo(last.getHeader().getPreviousHash());
        }

        @Test
        void qscc_finds_blocks_and_transactions_by_number_hash_and_id() throws Exception {
            register();
            final Block last = deliverOne(analyst, position(newest()), position(newest()));
            final String txId = ChannelHeader.parseFrom(Payload.parseFrom(Envelope.parseFrom(
                    last.getData().getData(0)).getPayload()).getHeader().getChannelHeader()).getTxId();
            final String number = Long.toString(last.getHeader().getNumber());

            assertThat(Block.parseFrom(qscc("GetBlockByNumber", number).getPayload())).isEqualTo(last);
            assertThat(Block.parseFrom(qscc("GetBlockByTxID", txId).getPayload())).isEqualTo(last);
            assertThat(Block.parseFrom(propose(Proposals.ofBytes(analyst, "qscc", "GetBlockByHash", "safepassage",
                    Blocks.headerHash(last.getHeader())).signed()).getResponse().getPayload())).isEqualTo(last);
            final ProcessedTransaction tx = ProcessedTransaction.parseFrom(qscc("GetTransactionByID", txId)
                    .getPayload());
            assertThat(tx.getValidationCode()).isEqualTo(TxValidationCode.VALID_VALUE);
            assertThat(tx.getTransactionEnvelope().toByteString()).isEqualTo(last.getData().getData(0));

            assertThat(qscc("GetBlockByNumber", "999999").getMessage()).contains("Failed to get block number 999999");
            assertThat(qscc("GetBlockByNumber").getMessage()).isEqualTo("missing 3rd argument for GetBlockByNumber");
            assertThat(qscc("NoSuchFunction", "x").getMessage()).isEqualTo("Requested function NoSuchFunction not found.");
        }

        private org.hyperledger.fabric.protos.peer.Response qscc(final String function, final String... args) {
            final String[] all = new String[args.length + 1];
            all[0] = "safepassage";
            System.arraycopy(args, 0, all, 1, args.length);
            return propose(Proposals.of(analyst, "", "qscc", function, all).signed()).getResponse();
        }
    }

    @Nested
    class Deliver {
        @Test
        void sends_the_requested_blocks_then_success_and_keeps_the_stream_for_the_next_request() throws Exception {
            register();
            final Stream stream = Stream.open(Stream.Kind.BLOCKS);
            stream.send(seek(analyst, position(oldest()), position(specified(1)), SeekInfo.SeekBehavior.BLOCK_UNTIL_READY));
            assertThat(stream.next().getBlock().getHeader().getNumber()).isZero();
            assertThat(stream.next().getBlock().getHeader().getNumber()).isEqualTo(1);
            assertThat(stream.next().getStatus()).isEqualTo(org.hyperledger.fabric.protos.common.Status.SUCCESS);

            stream.send(seek(analyst, position(newest()), position(newest()), SeekInfo.SeekBehavior.BLOCK_UNTIL_READY));
            assertThat(stream.next().getBlock().getHeader().getNumber()).isEqualTo(peer.height() - 1);
            assertThat(stream.next().getStatus()).isEqualTo(org.hyperledger.fabric.protos.common.Status.SUCCESS);
            stream.close();
        }

        @Test
        void waits_for_a_block_not_yet_committed_and_sends_it_once_it_is() throws Exception {
            final long next = peer.height();
            final Stream stream = Stream.open(Stream.Kind.FILTERED);
            stream.send(seek(analyst, position(specified(next - 1)), position(specified(next)),
                    SeekInfo.SeekBehavior.BLOCK_UNTIL_READY));
            // Barrier: the last existing block arrives, so the request is being served and the next one is awaited.
            assertThat(stream.next().getFilteredBlock().getNumber()).isEqualTo(next - 1);
            assertThat(peer.height()).isEqualTo(next);

            final String subjectId = register();

            final FilteredBlock block = stream.next().getFilteredBlock();
            assertThat(block.getNumber()).isEqualTo(next);
            assertThat(block.getChannelId()).isEqualTo("safepassage");
            final FilteredTransaction tx = block.getFilteredTransactions(0);
            assertThat(tx.getType()).isEqualTo(HeaderType.ENDORSER_TRANSACTION);
            assertThat(tx.getTxValidationCode()).isEqualTo(TxValidationCode.VALID);
            assertThat(tx.getTransactionActions().getChaincodeActions(0).getChaincodeEvent().getEventName())
                    .isNotEmpty();
            assertThat(tx.getTransactionActions().getChaincodeActions(0).getChaincodeEvent().getPayload().isEmpty())
                    .as("filtered events carry no payload").isTrue();
            assertThat(block.toString()).doesNotContain(subjectId);
            assertThat(stream.next().getStatus()).isEqualTo(org.hyperledger.fabric.protos.common.Status.SUCCESS);
            stream.close();
        }

        @Test
        void serves_the_gateway_clients_block_and_filtered_block_events() throws Exception {
            final long next = peer.height();
            final org.hyperledger.fabric.client.Network channelView =
                    network.connect(analyst).getNetwork("safepassage");
            try (var blocks = channelView.newBlockEventsRequest().startBlock(next - 1).build().getEvents();
                    var filtered = channelView.newFilteredBlockEventsRequest().startBlock(next - 1).build()
                            .getEvents()) {
                assertThat(blocks.next().getHeader().getNumber()).isEqualTo(next - 1);
                assertThat(filtered.next().getNumber()).isEqualTo(next - 1);
                register();
                final Block block = blocks.next();
                assertThat(block.getHeader().getNumber()).isEqualTo(next);
                assertThat(Blocks.headerHash(block.getHeader())).isNotEmpty();
                assertThat(block.getHeader().getPreviousHash().toByteArray())
                        .isEqualTo(Blocks.headerHash(deliverOne(analyst, position(specified(next - 1)),
                                position(specified(next - 1))).getHeader()));
                assertThat(filtered.next().getFilteredTransactions(0).getTxValidationCode())
                        .isEqualTo(TxValidationCode.VALID);
            }
        }

        @Test
        void sends_blocks_with_empty_private_data() throws Exception {
            final Stream stream = Stream.open(Stream.Kind.PRIVATE_DATA);
            stream.send(seek(analyst, position(oldest()), position(oldest()), SeekInfo.SeekBehavior.BLOCK_UNTIL_READY));
            final DeliverResponse response = stream.next();
            assertThat(response.getBlockAndPrivateData().getBlock().getHeader().getNumber()).isZero();
            assertThat(response.getBlockAndPrivateData().getPrivateDataMapMap()).isEmpty();
            stream.close();
        }

        @Test
        void refuses_with_a_status_and_ends_the_stream() throws Exception {
            final Identity stranger = CertificateAuthority.create("RegistryMSP", "ca.other").issue("x", "client", java.util.Map.of());
            assertThat(statusOf(seek(stranger, position(oldest()), position(oldest()),
                    SeekInfo.SeekBehavior.BLOCK_UNTIL_READY)))
                    .isEqualTo(org.hyperledger.fabric.protos.common.Status.FORBIDDEN);
            assertThat(statusOf(seek(analyst, position(specified(peer.height() + 5)),
                    position(specified(peer.height() + 5)), SeekInfo.SeekBehavior.FAIL_IF_NOT_READY)))
                    .isEqualTo(org.hyperledger.fabric.protos.common.Status.NOT_FOUND);
            assertThat(statusOf(seek(analyst, "elsewhere", position(oldest()), position(oldest()),
                    Instant.now()))).isEqualTo(org.hyperledger.fabric.protos.common.Status.NOT_FOUND);
            assertThat(statusOf(seek(analyst, "safepassage", position(oldest()), position(oldest()),
                    Instant.now().minusSeconds(3600)))).isEqualTo(org.hyperledger.fabric.protos.common.Status.BAD_REQUEST);
            assertThat(statusOf(seek(analyst, position(specified(2)), position(specified(1)),
                    SeekInfo.SeekBehavior.BLOCK_UNTIL_READY)))
                    .isEqualTo(org.hyperledger.fabric.protos.common.Status.BAD_REQUEST);
        }

        private org.hyperledger.fabric.protos.common.Status statusOf(final Envelope request) throws Exception {
            final Stream stream = Stream.open(Stream.Kind.BLOCKS);
            stream.send(request);
            final DeliverResponse response = stream.next();
            assertThat(stream.completed()).as("the stream ends after a refusal").isTrue();
            return response.getStatus();
        }
    }

    private static Block deliverOne(final Identity who, final SeekPosition start, final SeekPosition stop)
            throws Exception {
        final Stream stream = Stream.open(Stream.Kind.BLOCKS);
        stream.send(seek(who, start, stop, SeekInfo.SeekBehavior.BLOCK_UNTIL_READY));
        final Block block = stream.next().getBlock();
        stream.close();
        return block;
    }

    private static SeekPosition position(final SeekPosition.Builder position) {
        return position.build();
    }

    private static SeekPosition.Builder oldest() {
        return SeekPosition.newBuilder().setOldest(SeekOldest.getDefaultInstance());
    }

    private static SeekPosition.Builder newest() {
        return SeekPosition.newBuilder().setNewest(SeekNewest.getDefaultInstance());
    }

    private static SeekPosition.Builder specified(final long number) {
        return SeekPosition.newBuilder().setSpecified(SeekSpecified.newBuilder().setNumber(number));
    }

    private static Envelope seek(final Identity who, final SeekPosition start, final SeekPosition stop,
            final SeekInfo.SeekBehavior behavior) {
        return seek(who, "safepassage", start, stop, Instant.now(), behavior);
    }

    private static Envelope seek(final Identity who, final String channelId, final SeekPosition start,
            final SeekPosition stop, final Instant timestamp) {
        return seek(who, channelId, start, stop, timestamp, SeekInfo.SeekBehavior.BLOCK_UNTIL_READY);
    }

    private static Envelope seek(final Identity who, final String channelId, final SeekPosition start,
            final SeekPosition stop, final Instant timestamp, final SeekInfo.SeekBehavior behavior) {
        final Payload payload = Payload.newBuilder()
                .setHeader(Header.newBuilder()
                        .setChannelHeader(ChannelHeader.newBuilder()
                                .setType(HeaderType.DELIVER_SEEK_INFO_VALUE)
                                .setChannelId(channelId)
                                .setTimestamp(timestamp(timestamp))
                                .build()
                                .toByteString())
                        .setSignatureHeader(SignatureHeader.newBuilder()
                                .setCreator(ByteString.copyFrom(who.serialized()))
                                .setNonce(nonce())
                                .build()
                                .toByteString()))
                .setData(SeekInfo.newBuilder().setStart(start).setStop(stop).setBehavior(behavior).build()
                        .toByteString())
                .build();
        return Envelope.newBuilder()
                .setPayload(payload.toByteString())
                .setSignature(ByteString.copyFrom(Signatures.sign(who.privateKey(), payload.toByteArray())))
                .build();
    }

    private static Timestamp timestamp(final Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    private static ByteString nonce() {
        final byte[] nonce = new byte[24];
        RANDOM.nextBytes(nonce);
        return ByteString.copyFrom(nonce);
    }

    /** A proposal built as the peer CLI builds it. */
    private record Proposals(Identity creator, Proposal proposal, String txId) {
        static Proposals of(final Identity creator, final String channelId, final String chaincode,
                final String function, final String... args) {
            final List<ByteString> input = new ArrayList<>();
            input.add(ByteString.copyFromUtf8(function));
            for (String arg : args) {
                input.add(ByteString.copyFromUtf8(arg));
            }
            return build(creator, channelId, chaincode, input);
        }

        static Proposals ofBytes(final Identity creator, final String chaincode, final String function,
                final String channelArg, final byte[] arg) {
            return build(creator, "", chaincode, List.of(ByteString.copyFromUtf8(function),
                    ByteString.copyFromUtf8(channelArg), ByteString.copyFrom(arg)));
        }

        private static Proposals build(final Identity creator, final String channelId, final String chaincode,
                final List<ByteString> input) {
            final ByteString nonce = nonce();
            final byte[] serialized = creator.serialized();
            final String txId = org.safepassage.ledger.sim.Proposal.computeTxId(nonce.toByteArray(), serialized);
            final ChaincodeID id = ChaincodeID.newBuilder().setName(chaincode).build();
            final Header header = Header.newBuilder()
                    .setChannelHeader(ChannelHeader.newBuilder()
                            .setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
                            .setChannelId(channelId)
                            .setTxId(txId)
                            .setTimestamp(timestamp(Instant.now()))
                            .setExtension(ChaincodeHeaderExtension.newBuilder().setChaincodeId(id).build()
                                    .toByteString())
                            .build()
                            .toByteString())
                    .setSignatureHeader(SignatureHeader.newBuilder()
                            .setCreator(ByteString.copyFrom(serialized))
                            .setNonce(nonce)
                            .build()
                            .toByteString())
                    .build();
            final ChaincodeInvocationSpec spec = ChaincodeInvocationSpec.newBuilder()
                    .setChaincodeSpec(ChaincodeSpec.newBuilder()
                            .setChaincodeId(id)
                            .setInput(ChaincodeInput.newBuilder().addAllArgs(input)))
                    .build();
            final Proposal proposal = Proposal.newBuilder()
                    .setHeader(header.toByteString())
                    .setPayload(ChaincodeProposalPayload.newBuilder().setInput(spec.toByteString()).build()
                            .toByteString())
                    .build();
            return new Proposals(creator, proposal, txId);
        }

        SignedProposal signed() {
            return signedBy(creator);
        }

        SignedProposal signedBy(final Identity signer) {
            return SignedProposal.newBuilder()
                    .setProposalBytes(proposal.toByteString())
                    .setSignature(ByteString.copyFrom(Signatures.sign(signer.privateKey(), proposal.toByteArray())))
                    .build();
        }
    }

    /** One bidirectional Deliver call, its answers queued as they arrive. */
    private static final class Stream implements StreamObserver<DeliverResponse> {
        enum Kind {
            BLOCKS,
            FILTERED,
            PRIVATE_DATA
        }

        private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        private StreamObserver<Envelope> requests;

        static Stream open(final Kind kind) {
            final Stream stream = new Stream();
            final DeliverGrpc.DeliverStub stub = DeliverGrpc.newStub(channel);
            stream.requests = switch (kind) {
                case BLOCKS -> stub.deliver(stream);
                case FILTERED -> stub.deliverFiltered(stream);
                case PRIVATE_DATA -> stub.deliverWithPrivateData(stream);
            };
            return stream;
        }

        void send(final Envelope envelope) {
            requests.onNext(envelope);
        }

        DeliverResponse next() throws InterruptedException {
            final Object item = received.poll(30, TimeUnit.SECONDS);
            assertThat(item).as("a deliver response within 30 s").isInstanceOf(DeliverResponse.class);
            return (DeliverResponse) item;
        }

        boolean completed() throws InterruptedException {
            return "completed".equals(received.poll(30, TimeUnit.SECONDS));
        }

        void close() {
            requests.onCompleted();
        }

        @Override
        public void onNext(final DeliverResponse value) {
            received.add(value);
        }

        @Override
        public void onError(final Throwable t) {
            received.add(t);
        }

        @Override
        public void onCompleted() {
            received.add("completed");
        }
    }
}
