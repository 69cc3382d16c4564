package org.safepassage.devpeer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.protos.common.Block;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.network.crypto.DevCrypto;

/**
 * Fabric's own {@code peer} CLI (v3.1.5, from the checked release archive) against a devpeer, plaintext:
 * {@code peer chaincode query} (Endorser ProcessProposal), {@code peer channel getinfo} (qscc GetChainInfo) and
 * {@code peer channel fetch} (the peer's Deliver service). The same commands against the real network, on the same
 * transactions, are compared in {@code network/fabric}'s {@code PeerCliComparisonIT}.
 */
class PeerCliTest {
    private static final Pattern HEIGHT = Pattern.compile("\"height\":(\\d+)");
    private static final Pattern CURRENT = Pattern.compile("\"currentBlockHash\":\"([^\"]*)\"");
    private static final Pattern PREVIOUS = Pattern.compile("\"previousBlockHash\":\"([^\"]*)\"");

    @TempDir
    static Path work;

    private static DevPeer peer;
    private static TestNetwork network;
    private static PeerCli cli;

    @BeforeAll
    static void start() throws Exception {
        PeerCli.install();
        peer = TestNetwork.startPeer(work.resolve("data"));
        network = new TestNetwork(peer.port());
        cli = PeerCli.against(peer.port(), TestNetwork.cryptoDirectory(), work);
    }

    @AfterAll
    static void stop() {
        if (network != null) {
            network.close();
        }
        if (peer != null) {
            peer.close();
        }
    }

    private static String register() {
        final RegisterSubjectCommand command = Commands.minor(2, 1);
        network.chaincode(TestNetwork.user("RegistryMSP", "officer")).subjects().register(command);
        return command.subjectId();
    }

    private static String args(final String... args) {
        final StringBuilder json = new StringBuilder("{\"Args\":[");
        for (int i = 0; i < args.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(args[i]).append('"');
        }
        return json.append("]}").toString();
    }

    @Nested
    class ChaincodeQuery {
        @Test
        void prints_exactly_what_evaluate_returns() throws Exception {
            final String subjectId = register();
            final Contract contract = network.connect(TestNetwork.user("BorderMSP", "guard"))
                    .getNetwork(TestNetwork.CHANNEL).getContract("safepassage");
            final byte[] evaluated = contract.evaluateTransaction("subject:ReadSubject", subjectId);

            final PeerCli.Result result = cli.as("BorderMSP", "guard", "chaincode", "query", "-C", "safepassage",
                    "-n", "safepassage", "-c", args("subject:ReadSubject", subjectId)).succeeded();

            assertThat(result.stdout()).isEqualTo(new String(evaluated, StandardCharsets.UTF_8) + "\n");
            assertThat(result.stdout()).contains("\"subjectId\":\"" + subjectId + "\"");
        }

        @Test
        void the_chaincode_access_rules_still_apply() {
            final PeerCli.Result result = cli.as("RegistryMSP", "officer", "chaincode", "query", "-C", "safepassage",
                    "-n", "safepassage", "-c", args("alert:ListOpenAlerts"));

            assertThat(result.exitCode()).isNotZero();
            assertThat(result.stderr()).contains("endorsement failure during query").contains("status:500")
                    .contains("ACCESS_DENIED");
            assertThat(cli.as("ChildProtectionMSP", "analyst", "chaincode", "query", "-C", "safepassage", "-n",
                    "safepassage", "-c", args("alert:ListOpenAlerts")).succeeded().stdout()).startsWith("[");
        }

        @Test
        void a_member_of_no_channel_organisation_is_refused() throws Exception {
            final Path foreign = DevCrypto.ensure(work.resolve("foreign-crypto"), 1).root();
            final PeerCli.Result result = cli.asMsp("RegistryMSP",
                    foreign.resolve("RegistryMSP/users/officer/msp"), "chaincode", "query", "-C", "safepassage",
                    "-n", "safepassage", "-c", args("subject:ReadSubject", "subject-x"));

            assertThat(result.exitCode()).isNotZero();
            assertThat(result.stderr()).contains("error validating proposal: access denied")
                    .contains("was not issued by the CA of RegistryMSP");
        }

        @Test
        void an_unknown_chaincode_or_channel_is_a_failed_response() {
            assertThat(cli.as("RegistryMSP", "officer", "chaincode", "query", "-C", "safepassage", "-n", "other",
                    "-c", args("Anything")).stderr()).contains("chaincode other not found");
            assertThat(cli.as("RegistryMSP", "officer", "chaincode", "query", "-C", "elsewhere", "-n",
                    "safepassage", "-c", args("subject:ReadSubject", "x")).stderr())
                    .contains("channel 'elsewhere' not found");
        }
    }

    @Nested
    class ChannelGetinfoAndFetch {
        @Test
        void getinfo_reports_the_height_and_the_real_header_hashes_and_advances_by_one_block_per_commit()
                throws Exception {
            register(); // at least one block past genesis, so previousBlockHash is not empty
            final ChainInfo before = getinfo();
            final Block newest = fetch("newest");
            assertThat(before.height()).isEqualTo(peer.height());
            assertThat(newest.getHeader().getNumber()).isEqualTo(before.height() - 1);
            assertThat(before.currentBlockHash()).isEqualTo(Blocks.headerHash(newest.getHeader()));
            assertThat(before.previousBlockHash()).isEqualTo(newest.getHeader().getPreviousHash().toByteArray());
            assertThat(before.previousBlockHash()).isEqualTo(Blocks.headerHash(
                    fetch(Long.toString(before.height() - 2)).getHeader()));

            register();
            final ChainInfo after = getinfo();

            assertThat(after.height()).isEqualTo(before.height() + 1);
            assertThat(after.previousBlockHash()).isEqualTo(before.currentBlockHash());
            assertThat(after.currentBlockHash()).isEqualTo(Blocks.headerHash(fetch("newest").getHeader()));
        }

        @Test
        void qscc_queried_on_the_channel_is_endorsed_and_agrees_with_getinfo() throws Exception {
            register();
            final ChainInfo info = getinfo();
            final PeerCli.Result result = cli.as("RegistryMSP", "officer", "chaincode", "query", "-C", "safepassage",
                    "-n", "qscc", "-x", "-c", args("GetChainInfo", "safepassage")).succeeded();

            final org.hyperledger.fabric.protos.common.BlockchainInfo queried =
                    org.hyperledger.fabric.protos.common.BlockchainInfo.parseFrom(
                            java.util.HexFormat.of().parseHex(result.stdout().strip()));
            assertThat(queried.getHeight()).isEqualTo(info.height());
            assertThat(queried.getCurrentBlockHash().toByteArray()).isEqualTo(info.currentBlockHash());
            assertThat(queried.getPreviousBlockHash().toByteArray()).isEqualTo(info.previousBlockHash());
        }

        @Test
        void fetch_returns_the_blocks_the_devpeer_stored() throws Exception {
            final String subjectId = register();
            final Block oldest = fetch("oldest");
            assertThat(oldest.getHeader().getNumber()).isZero();
            assertThat(oldest.getHeader().getPreviousHash().isEmpty()).isTrue();

            final Block newest = fetch("newest");
            assertThat(newest.getData().getDataList()).anySatisfy(envelope ->
                    assertThat(envelope.toStringUtf8()).contains(subjectId));
            final Block byNumber = fetch(Long.toString(newest.getHeader().getNumber()));
            assertThat(byNumber).isEqualTo(newest);
            assertThat(Blocks.validationCodes(byNumber)).hasSize(byNumber.getData().getDataCount());
            for (long n = 1; n <= newest.getHeader().getNumber(); n++) {
                Blocks.verifyLink(fetch(Long.toString(n - 1)), fetch(Long.toString(n)));
            }
        }

        @Test
        void a_member_of_no_channel_organisation_may_not_read_the_chain() throws Exception {
            final Path foreign = DevCrypto.ensure(work.resolve("foreign-crypto"), 1).root();
            final Path msp = foreign.resolve("BorderMSP/users/guard/msp");

            final PeerCli.Result info = cli.asMsp("BorderMSP", msp, "channel", "getinfo", "-c", "safepassage");
            assertThat(info.exitCode()).isNotZero();
            assertThat(info.stderr()).contains("access denied");
            final PeerCli.Result fetched = cli.asMsp("BorderMSP", msp, "channel", "fetch", "oldest",
                    work.resolve("refused.block").toString(), "-c", "safepassage");
            assertThat(fetched.exitCode()).isNotZero();
            assertThat(fetched.stderr()).contains("FORBIDDEN");
            assertThat(work.resolve("refused.block")).doesNotExist();
        }

        @Test
        void another_channel_is_not_found() {
            assertThat(cli.as("RegistryMSP", "officer", "channel", "getinfo", "-c", "elsewhere").stderr())
                    .contains("Invalid chain ID, elsewhere");
            assertThat(cli.as("RegistryMSP", "officer", "channel", "fetch", "oldest",
                    work.resolve("elsewhere.block").toString(), "-c", "elsewhere").stderr()).contains("NOT_FOUND");
        }
    }

    private static ChainInfo getinfo() {
        final String out = cli.as("RegistryMSP", "officer", "channel", "getinfo", "-c", "safepassage").succeeded()
                .stdout();
        assertThat(out).startsWith("Blockchain info: {");
        return ChainInfo.parse(out);
    }

    private static Block fetch(final String which) throws Exception {
        final Path file = work.resolve("fetched-" + which + "-" + System.nanoTime() + ".block");
        cli.as("ChildProtectionMSP", "analyst", "channel", "fetch", which, file.toString(), "-c", "safepassage")
                .succeeded();
        return Block.parseFrom(Files.readAllBytes(file));
    }

    /** What {@code peer channel getinfo} printed. */
    record ChainInfo(long height, byte[] currentBlockHash, byte[] previousBlockHash) {
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
