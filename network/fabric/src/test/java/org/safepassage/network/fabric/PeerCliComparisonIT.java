package org.safepassage.network.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.safepassage.chaincode.client.LedgerGateway;
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.chaincode.client.LedgerConnection;
import org.safepassage.devstack.DevPeerProcess;

/**
 * Fabric's own {@code peer} CLI against both ledgers, on the same ledger content: the real network started by
 * {@code network/fabric/up} (through RegistryMSP's peer, TLS) and a devpeer ({@code devpeer.jar}) started here on the
 * same crypto material (plaintext). One and the same signed proposal (same transaction id, timestamp and creator) registers a subject on
 * both; then {@code peer chaincode query}, {@code peer channel getinfo} and {@code peer channel fetch} are compared.
 *
 * <p>Equal byte for byte: the query answers, the CLI's error lines for chaincode refusals and unknown channels, and the
 * transaction's chaincode response, write set and event. Compared by shape only, because the histories differ by
 * design: the heights (the real channel starts with a config block and holds the lifecycle's approve and commit
 * transactions; the devpeer's genesis is a minimal config block and it has no lifecycle); the block hashes (they
 * cover different blocks, so each ledger is checked against itself: height + 1 per transaction, currentBlockHash =
 * DER hash of the newest block's header, previousBlockHash = the previous current hash); the endorsements (the
 * devpeer plays every organisation's peer with identities of its own) and every signature (ECDSA is randomised); read versions (block and
 * transaction numbers differ); block metadata (the real orderer signs blocks, the devpeer does not).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeerCliComparisonIT {
    private static final Pattern HEIGHT = Pattern.compile("\"height\":(\\d+)");
    private static final Pattern CURRENT = Pattern.compile("\"currentBlockHash\":\"([^\"]*)\"");
    private static final Pattern PREVIOUS = Pattern.compile("\"previousBlockHash\":\"([^\"]*)\"");

    private FabricConnection fabric;
    private Path work;
    private DevPeerProcess devpeer;
    private LedgerGateway devOfficer;
    private Ledger real;
    private Ledger dev;
    private final String subjectId = "subj_" + UUID.randomUUID().toString().replace("-", "");

    /** One ledger as the CLI sees it: a guard, an officer and an analyst. */
    private record Ledger(String name, PeerCli guard, PeerCli officer, PeerCli analyst, Path work) {}

    @BeforeAll
    void start() throws Exception {
        fabric = FabricConnection.fromSystemProperties();
        final Path crypto = fabric.data().resolve("crypto");
        assertThat(crypto.resolve("COMPLETE")).as("the network's crypto material").exists();
        work = Files.createTempDirectory("peer-cli-comparison");
        // The devpeer plays the same organisations with the same certificates: one proposal is valid on both.
        devpeer = DevPeerProcess.start(work.resolve("devpeer-data"), crypto, work.resolve("devpeer-logs"));
        devOfficer = LedgerGateway.connect(LedgerConnection.read(devpeer.connectionFile()), "RegistryMSP", "officer");
        final Path config = fabric.data().resolve("config");
        real = ledger("real", config, crypto, fabric.get("FABRIC_REGISTRY_PEER"),
                Path.of(fabric.get("FABRIC_REGISTRY_PEER_TLS_CA")));
        dev = ledger("devpeer", config, crypto, "127.0.0.1:" + devpeer.port(), null);
        fabric.awaitEndorsementPlan(fabric.gateway("ChildProtectionMSP", "analyst"), "alert:ListOpenAlerts");
        fabric.awaitEveryGateway();
    }

    private Ledger ledger(final String name, final Path config, final Path crypto, final String address,
            final Path tlsCa) throws IOException {
        final Path dir = Files.createDirectories(work.resolve(name));
        return new Ledger(name,
                PeerCli.of(config, crypto, "BorderMSP", "guard", address, tlsCa, dir),
                PeerCli.of(config, crypto, "RegistryMSP", "officer", address, tlsCa, dir),
                PeerCli.of(config, crypto, "ChildProtectionMSP", "analyst", address, tlsCa, dir),
                dir);
    }

    @AfterAll
    void stop() throws Exception {
        if (devOfficer != null) {
            devOfficer.close();
        }
        if (devpeer != null) {
            devpeer.close();
        }
        if (fabric != null) {
            fabric.close();
        }
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void one_signed_proposal_commits_the_same_transaction_on_both_as_one_new_block_each() throws Exception {
        final ChainInfo realBefore = getinfo(real);
        final ChainInfo devBefore = getinfo(dev);
        final Gateway realGateway = fabric.gateway("RegistryMSP", "officer");
        final RegisterSubjectCommand command = new RegisterSubjectCommand(subjectId, sha256(subjectId),
                CommitmentScheme.FP_V1, ProtectionClass.MINOR, List.of("grd_a_" + subjectId, "grd_b_" + subjectId), 1,
                YearMonth.now(ZoneOffset.UTC).plusYears(5));
        final Proposal onReal = realGateway.getNetwork(fabric.channel()).getContract(fabric.chaincode(), "subject")
                .newProposal("RegisterSubject").addArguments(CanonicalJson.toJson(command)).build();
        final Proposal onDev = devOfficer.gateway().newProposal(onReal.getBytes());
        assertThat(onDev.getTransactionId()).isEqualTo(onReal.getTransactionId());

        final byte[] realResult = onReal.endorse().submit();
        final byte[] devResult = onDev.endorse().submit();

        assertThat(new String(devResult, StandardCharsets.UTF_8)).isEqualTo(
                new String(realResult, StandardCharsets.UTF_8));
        final ChainInfo realAfter = getinfo(real);
        final ChainInfo devAfter = getinfo(dev);
        final Block realBlock = fetch(real, "newest");
        final Block devBlock = fetch(dev, "newest");
        for (Object[] each : List.of(new Object[] {realBefore, realAfter, realBlock},
                new Object[] {devBefore, devAfter, devBlock})) {
            final ChainInfo before = (ChainInfo) each[0];
            final ChainInfo after = (ChainInfo) each[1];
            final Block newest = (Block) each[2];
            assertThat(after.height()).isEqualTo(before.height() + 1);
            assertThat(after.previousBlockHash()).isEqualTo(before.currentBlockHash());
            assertThat(newest.getHeader().getNumber()).isEqualTo(after.height() - 1);
            assertThat(after.currentBlockHash()).isEqualTo(headerHash(newest.getHeader()));
            assertThat(after.previousBlockHash()).isEqualTo(newest.getHeader().getPreviousHash().toByteArray());
            assertThat(newest.getData().getDataCount()).isEqualTo(1);
            assertThat(txId(newest)).isEqualTo(onReal.getTransactionId());
        }
        final ChaincodeAction realAction = action(realBlock);
        final ChaincodeAction devAction = action(devBlock);
        assertThat(devAction.getResponse()).isEqualTo(realAction.getResponse());
        assertThat(devAction.getEvents()).isEqualTo(realAction.getEvents());
        assertThat(writes(devAction)).isEqualTo(writes(realAction));
        assertThat(writes(devAction).getWritesCount()).isPositive();
    }

    @Test
    @Order(2)
    void chaincode_query_answers_are_byte_for_byte_the_same() {
        final String read = args("subject:ReadSubject", subjectId);
        final PeerCli.Result onReal = real.guard().run(query(read)).succeeded();
        final PeerCli.Result onDev = dev.guard().run(query(read)).succeeded();

        assertThat(onReal.stdout()).contains("\"subjectId\":\"" + subjectId + "\"");
        assertThat(onDev.stdout()).isEqualTo(onReal.stdout());
        final String crossings = args("crossing:ListCrossings", subjectId);
        assertThat(dev.analyst().run(query(crossings)).succeeded().stdout())
                .isEqualTo(real.analyst().run(query(crossings)).succeeded().stdout());
    }

    @Test
    @Order(3)
    void refusals_read_the_same_error_line() {
        for (String refused : List.of(args("alert:ListOpenAlerts"), args("subject:ReadSubject", "subj_unknown"))) {
            final PeerCli.Result onReal = real.officer().run(query(refused));
            final PeerCli.Result onDev = dev.officer().run(query(refused));
            assertThat(onReal.exitCode()).isNotZero();
            assertThat(onDev.exitCode()).isNotZero();
            assertThat(onDev.error()).isEqualTo(onReal.error());
        }
        assertThat(real.officer().run(query(args("alert:ListOpenAlerts"))).error()).contains("ACCESS_DENIED");
    }

    @Test
    @Order(4)
    void getinfo_on_a_channel_the_peer_does_not_have_fails_the_same_way() {
        // (RegistryMSP's officer: on the real network a channel-less proposal from another organisation would be
        // refused by the peer's local MSP first.)
        final PeerCli.Result onReal = real.officer().run("channel", "getinfo", "-c", "elsewhere");
        final PeerCli.Result onDev = dev.officer().run("channel", "getinfo", "-c", "elsewhere");
        assertThat(onReal.exitCode()).isNotZero();
        assertThat(onDev.error()).isEqualTo(onReal.error());
    }

    private String[] query(final String ctor) {
        return new String[] {"chaincode", "query", "-C", fabric.channel(), "-n", fabric.chaincode(), "-c", ctor};
    }

    private static String args(final String... args) {
        final StringBuilder json = new StringBuilder("{\"Args\":[");
        for (int i = 0; i < args.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(args[i]).append('"');
        }
        return json.append("]}").toString();
    }

    private ChainInfo getinfo(final Ledger ledger) {
        // A real peer checks a channel-less proposal (how getinfo asks qscc) against its own MSP only: ask as a member
        // of RegistryMSP, whose peer this is. (The devpeer, every organisation's peer at once, takes any of them.)
        final String out = ledger.officer().run("channel", "getinfo", "-c", fabric.channel()).succeeded().stdout();
        assertThat(out).as(ledger.name()).startsWith("Blockchain info: {");
        return ChainInfo.parse(out);
    }

    private Block fetch(final Ledger ledger, final String which) throws IOException {
        final Path file = ledger.work().resolve(which + "-" + System.nanoTime() + ".block");
        ledger.analyst().run("channel", "fetch", which, file.toString(), "-c", fabric.channel()).succeeded();
        return Block.parseFrom(Files.readAllBytes(file));
    }

    private static String txId(final Block block) throws IOException {
        final Payload payload = Payload.parseFrom(Envelope.parseFrom(block.getData().getData(0)).getPayload());
        return ChannelHeader.parseFrom(payload.getHeader().getChannelHeader()).getTxId();
    }

    private static ChaincodeAction action(final Block block) throws IOException {
        final Payload payload = Payload.parseFrom(Envelope.parseFrom(block.getData().getData(0)).getPayload());
        final ChaincodeActionPayload actionPayload = ChaincodeActionPayload.parseFrom(
                Transaction.parseFrom(payload.getData()).getActions(0).getPayload());
        return ChaincodeAction.parseFrom(ProposalResponsePayload.parseFrom(
                actionPayload.getAction().getProposalResponsePayload()).getExtension());
    }

    /** The chaincode namespace's writes (reads carry ledger-specific versions). */
    private KVRWSet writes(final ChaincodeAction action) throws IOException {
        for (NsReadWriteSet ns : TxReadWriteSet.parseFrom(action.getResults()).getNsRwsetList()) {
            if (ns.getNamespace().equals(fabric.chaincode())) {
                return KVRWSet.newBuilder().addAllWrites(KVRWSet.parseFrom(ns.getRwset()).getWritesList()).build();
            }
        }
        throw new AssertionError("no " + fabric.chaincode() + " namespace in the transaction's read/write set");
    }

    /** SHA-256 of the header's ASN.1 DER (number, previous hash, data hash), as Fabric's protoutil.BlockHeaderHash. */
    private static byte[] headerHash(final BlockHeader header) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(new DERSequence(new ASN1Encodable[] {
                        new ASN1Integer(new BigInteger(Long.toUnsignedString(header.getNumber()))),
                        new DEROctetString(header.getPreviousHash().toByteArray()),
                        new DEROctetString(header.getDataHash().toByteArray())
                    })
                    .getEncoded());
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(final String text) {
        try {
            return java.util.HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@code peer channel getinfo} printed. */
    private record ChainInfo(long height, byte[] currentBlockHash, byte[] previousBlockHash) {
        static ChainInfo parse(final String out) {
            final Matcher height = HEIGHT.matcher(out);
            final Matcher current = CURRENT.matcher(out);
            final Matcher previous = PREVIOUS.matcher(out);
            assertThat(height.find()).as("height in %s", out).isTrue();
            assertThat(current.find()).as("currentBlockHash in %s", out).isTrue();
            return new ChainInfo(Long.parseLong(height.group(1)), Base64.getDecoder().decode(current.group(1)),
                    previous.find() ? Base64.getDecoder().decode(previous.group(1)) : new byte[0]);
        }
    }
}
