package org.safepassage.network.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safepassage.chaincode.client.ChaincodeRefusedException;
import org.safepassage.chaincode.client.EventStream;
import org.safepassage.chaincode.client.LedgerConnection;
import org.safepassage.chaincode.client.ReceivedEvent;
import org.safepassage.chaincode.client.SafePassageChaincode;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.Crossing;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.chaincode.model.LegalBasis;
import org.safepassage.chaincode.model.Outcome;
import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.chaincode.model.RecordCrossingCommand;
import org.safepassage.chaincode.model.RecordScanCommand;
import org.safepassage.chaincode.model.RegisterSubjectCommand;

/**
 * The neighbouring country joins the running channel through a config update ({@code network/fabric/add-org}:
 * configtxlator, signed by a majority of the existing organisations' Admins), starts its peer and chaincode server,
 * and its terminal records an ENTRY through its own peer that reconciles with Moldova's EXIT of the same person: both
 * crossings are in the channel's event stream, each recorded by its own country's post. The neighbour is refused at a
 * Moldovan post and refused Moldova's crossing history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeighbourOnFabricIT {
    private FabricConnection fabric;

    @BeforeAll
    void addTheNeighbour() throws Exception {
        fabric = FabricConnection.fromSystemProperties();
        final Path script = locate("network/fabric/add-org");
        final Process process = new ProcessBuilder("bash", script.toString(), "--data", fabric.data().toString())
                .redirectErrorStream(true).start();
        final List<String> output = new ArrayList<>();
        try (var lines = process.inputReader(StandardCharsets.UTF_8).lines()) {
            lines.forEach(line -> {
                System.out.println(line);
                output.add(line);
            });
        }
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join("\n", output)).isZero();
        // the connection info now names its peer, as services read it
        assertThat(LedgerConnection.read(fabric.data().resolve("connection.json")).peers())
                .containsKey("RomaniaBorderMSP");
    }

    @AfterAll
    void close() throws InterruptedException {
        if (fabric != null) {
            fabric.close();
        }
    }

    @Test
    void an_exit_from_moldova_and_the_neighbours_entry_both_reach_the_ledger_each_by_its_own_country_s_post()
            throws Exception {
        final SafePassageChaincode officer = client("RegistryMSP", "officer");
        final SafePassageChaincode moldova = client("BorderMSP", "guard");
        final SafePassageChaincode romania = client("RomaniaBorderMSP", "guard");
        final String subjectId = "subj_" + UUID.randomUUID().toString().replace("-", "");
        officer.subjects().register(new RegisterSubjectCommand(subjectId, sha256(subjectId), CommitmentScheme.FP_V1,
                ProtectionClass.SURVIVOR, List.of(), 0, YearMonth.now().minusYears(1)));

        moldova.crossings().recordScan(new RecordScanCommand(subjectId, "MD-LEUSENI"));
        final Crossing exit = moldova.crossings().recordCrossing(new RecordCrossingCommand(subjectId, "MD-LEUSENI",
                Direction.EXIT, Outcome.ALLOWED, null, LegalBasis.notRequired()));
        awaitReadable(romania, subjectId);
        awaitPlan(subjectId);
        romania.crossings().recordScan(new RecordScanCommand(subjectId, "RO-SCULENI"));
        final Crossing entry = romania.crossings().recordCrossing(new RecordCrossingCommand(subjectId, "RO-SCULENI",
                Direction.ENTRY, Outcome.ALLOWED, null, LegalBasis.notRequired()));

        assertThat(entry.recordedBy()).isEqualTo("RomaniaBorderMSP/post-ro-sculeni-01");
        assertThat(Duration.between(exit.recordedAt(), entry.recordedAt())).isLessThan(Duration.ofHours(12));
        assertThat(refusal(() -> romania.crossings().recordScan(new RecordScanCommand(subjectId, "MD-LEUSENI"))))
                .isEqualTo(ErrorCode.ACCESS_DENIED);
        assertThat(refusal(() -> romania.crossings().listCrossings(subjectId))).isEqualTo(ErrorCode.ACCESS_DENIED);
        assertThat(refusal(() -> moldova.crossings().recordScan(new RecordScanCommand(subjectId, "RO-SCULENI"))))
                .isEqualTo(ErrorCode.ACCESS_DENIED);

        // Child protection reads both in the channel's event stream, where its reconciliation rules read them.
        final SafePassageChaincode analyst = client("ChildProtectionMSP", "analyst");
        final List<Crossing> seen = new ArrayList<>();
        try (EventStream events = analyst.events().fromBlock(0)) {
            while (seen.size() < 2 && events.hasNext()) {
                final ReceivedEvent event = events.next();
                if (event.type() == EventType.CROSSING_RECORDED && subjectId.equals(event.event().subjectId())) {
                    seen.add(event.event().crossing());
                }
            }
        }
        assertThat(seen).extracting(Crossing::post, Crossing::direction).containsExactly(
                org.assertj.core.groups.Tuple.tuple("MD-LEUSENI", Direction.EXIT),
                org.assertj.core.groups.Tuple.tuple("RO-SCULENI", Direction.ENTRY));
    }

    /** The neighbour's peer may be a block behind the officer's: wait until it has the subject. */
    private static void awaitReadable(final SafePassageChaincode client, final String subjectId)
            throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                client.subjects().read(subjectId);
                return;
            } catch (ChaincodeRefusedException e) {
                if (e.getCode() != ErrorCode.SUBJECT_NOT_FOUND || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    /**
     * The neighbour's peer plans endorsements from what gossip told it of the other organisations' peers and their
     * chaincode: endorse (never submit) a scan at its post until it can.
     */
    private void awaitPlan(final String subjectId) throws InterruptedException {
        final org.hyperledger.fabric.client.Contract contract = fabric.gateway("RomaniaBorderMSP", "guard")
                .getNetwork(fabric.channel()).getContract(fabric.chaincode());
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                contract.newProposal("crossing:RecordScan").addArguments(org.safepassage.chaincode.model.CanonicalJson
                        .toJson(new RecordScanCommand(subjectId, "RO-SCULENI"))).build().endorse();
                return;
            } catch (org.hyperledger.fabric.client.EndorseException e) {
                if (e.getStatus().getCode() != io.grpc.Status.Code.FAILED_PRECONDITION
                        || System.nanoTime() > deadline) {
                    throw new IllegalStateException("no endorsement plan for the neighbour's scan", e);
                }
                Thread.sleep(250);
            }
        }
    }

    private static ErrorCode refusal(final Runnable call) {
        try {
            call.run();
        } catch (ChaincodeRefusedException e) {
            return e.getCode();
        }
        throw new AssertionError("not refused");
    }

    private SafePassageChaincode client(final String mspId, final String user) {
        return SafePassageChaincode.of(fabric.gateway(mspId, user).getNetwork(fabric.channel()), fabric.chaincode());
    }

    private static String sha256(final String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Path locate(final String relative) throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IOException("no " + relative + " above " + Path.of("").toAbsolutePath());
    }
}
