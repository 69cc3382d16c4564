package org.safepassage.network.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.safepassage.chaincode.model.Alert;
import org.safepassage.chaincode.model.RedFlagCommand;
import org.safepassage.chaincode.model.RedFlagEvidence;
import org.safepassage.chaincode.model.RedFlagRule;
import org.safepassage.guardian.redflag.PhoneBook;
import org.safepassage.guardian.redflag.RedFlagEngine;
import org.safepassage.guardian.redflag.RedFlagSettings;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
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
        final String subjectId = register(officer);

        final Crossing exit = exit(moldova, subjectId);
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

    /**
     * The reconciliation rule over real Fabric's event stream: an exit the neighbour matched with an entry raises
     * nothing, an exit with no entry within the window raises {@code EXIT_WITHOUT_ARRIVAL} once the ledger's clock
     * passes the window, and the analytics identity puts it on the ledger once, however often the stream is re-read.
     */
    @Test
    void the_reconciliation_rule_reads_real_fabric_events_and_its_red_flag_reaches_the_ledger_once()
            throws Exception {
        final Instant from = Instant.now().minusSeconds(1);
        final SafePassageChaincode officer = client("RegistryMSP", "officer");
        final SafePassageChaincode moldova = client("BorderMSP", "guard");
        final SafePassageChaincode romania = client("RomaniaBorderMSP", "guard");
        final String arrived = register(officer);
        final String vanished = register(officer);

        final Crossing arrivedExit = exit(moldova, arrived);
        final Crossing vanishedExit = exit(moldova, vanished);
        awaitReadable(romania, arrived);
        awaitPlan(arrived);
        romania.crossings().recordScan(new RecordScanCommand(arrived, "RO-SCULENI"));
        final Crossing entry = romania.crossings().recordCrossing(new RecordCrossingCommand(arrived, "RO-SCULENI",
                Direction.ENTRY, Outcome.ALLOWED, null, LegalBasis.notRequired()));

        // The window must hold this network's exit-to-entry time; the ledger's clock passes it with a later scan.
        final Duration window = Duration.between(arrivedExit.recordedAt(), entry.recordedAt()).plusSeconds(3);
        final Instant deadline = vanishedExit.recordedAt().plus(window);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), deadline).toMillis() + 1_000)); // time must pass
        moldova.crossings().recordScan(new RecordScanCommand(arrived, "MD-LEUSENI"));
        final Predicate<ReceivedEvent> last = e -> e.type() == EventType.SUBJECT_SCANNED
                && arrived.equals(e.event().subjectId()) && "MD-LEUSENI".equals(e.event().scan().post())
                && e.event().scan().scannedAt().isAfter(deadline);

        final RedFlagSettings settings = new RedFlagSettings(4, Duration.ofDays(30), 5, Duration.ofDays(30),
                Duration.ofDays(60), Duration.ofHours(72), 3, Duration.ofDays(90), Duration.ofSeconds(30), 3, window,
                Set.of("MD", "RO"), Set.of(), from, "MD");
        final List<RedFlagCommand> hits = reconciliationHits(settings, last, Set.of(arrived, vanished));
        assertThat(hits).extracting(RedFlagCommand::rule, RedFlagCommand::subjectId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RedFlagRule.EXIT_WITHOUT_ARRIVAL, vanished));
        assertThat(hits.get(0).evidence()).extracting(RedFlagEvidence::subjectId, RedFlagEvidence::event)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(vanished, EventType.CROSSING_RECORDED));

        final SafePassageChaincode analytics = client("ChildProtectionMSP", "analytics");
        final Alert raised = analytics.alerts().raiseRedFlag(hits.get(0));
        // a second pass from block 0 (the analytics restarted) finds the same hit, and raising it writes nothing new
        final List<RedFlagCommand> again = reconciliationHits(settings, last, Set.of(arrived, vanished));
        assertThat(again).extracting(RedFlagCommand::alertId).containsExactly(raised.alertId());
        assertThat(analytics.alerts().raiseRedFlag(again.get(0)).raisedAt()).isEqualTo(raised.raisedAt());
        final SafePassageChaincode analyst = client("ChildProtectionMSP", "analyst");
        assertThat(analyst.alerts().listOpen()).filteredOn(a -> vanished.equals(a.subjectId()))
                .extracting(Alert::alertId, Alert::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(raised.alertId(), RedFlagRule.EXIT_WITHOUT_ARRIVAL));
    }

    /** Feeds the channel's events from block 0 to the {@code last} one to the rules; the reconciliation hits. */
    private List<RedFlagCommand> reconciliationHits(final RedFlagSettings settings, final Predicate<ReceivedEvent> last,
            final Set<String> subjects) throws Exception {
        final RedFlagEngine engine = new RedFlagEngine(settings, NO_PHONES);
        final List<RedFlagCommand> hits = new ArrayList<>();
        try (EventStream events = client("ChildProtectionMSP", "analytics").events().fromBlock(0)) {
            while (events.hasNext()) {
                final ReceivedEvent event = events.next();
                engine.accept(event).alerts().stream()
                        .filter(hit -> subjects.contains(hit.subjectId()))
                        .filter(hit -> hit.rule() == RedFlagRule.EXIT_WITHOUT_ARRIVAL
                                || hit.rule() == RedFlagRule.ARRIVAL_WITHOUT_EXIT)
                        .forEach(hits::add);
                if (last.test(event)) {
                    return hits;
                }
            }
        }
        throw new AssertionError("the event stream ended before the last scan");
    }

    private static final PhoneBook NO_PHONES = new PhoneBook() {
        @Override
        public Optional<String> phoneOf(final String requestId, final String guardianRef) {
            return Optional.empty();
        }

        @Override
        public Set<String> phonesOf(final String requestId) {
            return Set.of();
        }
    };

    private static String register(final SafePassageChaincode officer) throws Exception {
        final String subjectId = "subj_" + UUID.randomUUID().toString().replace("-", "");
        officer.subjects().register(new RegisterSubjectCommand(subjectId, sha256(subjectId), CommitmentScheme.FP_V1,
                ProtectionClass.SURVIVOR, List.of(), 0, YearMonth.now().minusYears(1)));
        return subjectId;
    }

    private static Crossing exit(final SafePassageChaincode moldova, final String subjectId) {
        moldova.crossings().recordScan(new RecordScanCommand(subjectId, "MD-LEUSENI"));
        return moldova.crossings().recordCrossing(new RecordCrossingCommand(subjectId, "MD-LEUSENI", Direction.EXIT,
                Outcome.ALLOWED, null, LegalBasis.notRequired()));
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
