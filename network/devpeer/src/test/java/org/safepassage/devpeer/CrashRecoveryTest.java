package org.safepassage.devpeer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.FileCheckpointer;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.chaincode.client.EventStream;
import org.safepassage.chaincode.client.ReceivedEvent;
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.ledger.sim.Identity;

/** A devpeer process killed with SIGKILL under load comes back with exactly what its clients saw committed. */
class CrashRecoveryTest {
    private static final int CLIENTS = 6;
    private static final int CONFIRMED_BEFORE_KILL = 60;

    private final Identity officer = TestNetwork.user("RegistryMSP", "officer");
    private final Identity notifier = TestNetwork.user("ChildProtectionMSP", "notifier");
    private final Set<String> attempted = ConcurrentHashMap.newKeySet();
    private final List<String> confirmed = new CopyOnWriteArrayList<>();
    private final List<String> confirmedSubjects = new CopyOnWriteArrayList<>();
    private final List<String> eventsBeforeKill = new CopyOnWriteArrayList<>();

    @TempDir
    Path data;

    @TempDir
    Path work;

    @Test
    void a_killed_devpeer_restarts_with_every_confirmed_transaction_and_nothing_else() throws Exception {
        final int port = freePort();
        final Process process = startProcess(port);
        final Path checkpoint = work.resolve("events.checkpoint");
        final ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        final AtomicBoolean running = new AtomicBoolean(true);
        try (TestNetwork network = new TestNetwork(port)) {
            pool.submit(() -> consumeEvents(network, checkpoint));
            for (int i = 0; i < CLIENTS; i++) {
                final Contract contract = network.connect(officer).getNetwork(TestNetwork.CHANNEL)
                        .getContract("safepassage");
                pool.submit(() -> submitUntilFailure(contract, running));
            }
            Awaitility.await("transactions confirmed before the kill").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(20)).until(() -> confirmed.size() >= CONFIRMED_BEFORE_KILL);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL, mid-load
            running.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
            process.destroyForcibly();
        }
        assertThat(confirmed).hasSizeGreaterThanOrEqualTo(CONFIRMED_BEFORE_KILL);

        final Set<String> validOnLedger = new HashSet<>();
        try (DevPeer peer = TestNetwork.startPeer(data); TestNetwork network = new TestNetwork(peer.port())) {
            for (String subjectId : confirmedSubjects) {
                assertThat(network.chaincode(officer).subjects().read(subjectId).subjectId()).isEqualTo(subjectId);
            }
            validOnLedger.addAll(validTransactions());
            assertThat(validOnLedger).containsAll(confirmed);
            assertThat(attempted).containsAll(validOnLedger);

            final Set<String> resumed = new HashSet<>();
            try (EventStream events = network.chaincode(notifier).events().resume(new FileCheckpointer(checkpoint))) {
                while (resumed.size() + eventsBeforeKill.size() < validOnLedger.size()) {
                    final ReceivedEvent event = events.next();
                    assertThat(resumed.add(event.transactionId())).isTrue();
                    events.checkpoint(event);
                }
            }
            assertThat(resumed).doesNotContainAnyElementsOf(eventsBeforeKill);
            final Set<String> all = new HashSet<>(resumed);
            all.addAll(eventsBeforeKill);
            assertThat(all).isEqualTo(validOnLedger);
        }
    }

    @Test
    void sigterm_stops_the_process_cleanly_and_the_ledger_reopens() throws Exception {
        final int port = freePort();
        final Process process = startProcess(port);
        final String subjectId;
        try (TestNetwork network = new TestNetwork(port)) {
            subjectId = network.chaincode(officer).subjects().register(Commands.minor(1, 1)).subjectId();
        }

        process.destroy(); // SIGTERM

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(work.resolve("devpeer.log"))).contains("devpeer stopped");
        try (DevPeer peer = TestNetwork.startPeer(data); TestNetwork network = new TestNetwork(peer.port())) {
            assertThat(network.chaincode(officer).subjects().read(subjectId).subjectId()).isEqualTo(subjectId);
        }
    }

    private void submitUntilFailure(final Contract contract, final AtomicBoolean running) {
        while (running.get()) {
            final RegisterSubjectCommand command = Commands.minor(1, 1);
            try {
                final var transaction = contract.newProposal("subject:RegisterSubject")
                        .addArguments(CanonicalJson.toJson(command)).build().endorse();
                attempted.add(transaction.getTransactionId());
                final SubmittedTransaction submitted = transaction.submitAsync();
                if (submitted.getStatus().getCode() == TxValidationCode.VALID) {
                    confirmed.add(submitted.getTransactionId());
                    confirmedSubjects.add(command.subjectId());
                }
            } catch (Exception e) {
                return; // the peer is gone: outcome unknown, which the test allows either way
            }
        }
    }

    private void consumeEvents(final TestNetwork network, final Path checkpoint) {
        try (FileCheckpointer checkpointer = new FileCheckpointer(checkpoint);
                EventStream events = network.chaincode(notifier).events().resume(checkpointer, 1)) {
            while (events.hasNext()) {
                final ReceivedEvent event = events.next();
                eventsBeforeKill.add(event.transactionId());
                events.checkpoint(event);
            }
        } catch (Exception e) {
            // the stream ends when the peer is killed
        }
    }

    private Set<String> validTransactions() throws Exception {
        final Set<String> valid = new HashSet<>();
        final Path copy = work.resolve("inspect");
        Files.createDirectories(copy);
        Files.copy(data.resolve(BlockStore.FILE_NAME), copy.resolve(BlockStore.FILE_NAME));
        try (BlockStore store = BlockStore.open(copy)) {
            Block previous = null;
            for (Block block : store.recovered()) {
                Blocks.verifyLink(previous, block);
                previous = block;
                if (block.getHeader().getNumber() == 0) {
                    continue;
                }
                final List<TxValidationCode> codes = Blocks.validationCodes(block);
                for (int i = 0; i < codes.size(); i++) {
                    if (codes.get(i) == TxValidationCode.VALID) {
                        valid.add(OrderedTransaction.parse(Envelope.parseFrom(block.getData().getData(i))).txId());
                    }
                }
            }
        }
        return valid;
    }

    private Process startProcess(final int port) throws IOException, InterruptedException {
        TestNetwork.material();
        final Path output = work.resolve("devpeer.log");
        final List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                DevPeer.class.getName(),
                "--port", Integer.toString(port),
                "--data", data.toString(),
                "--crypto", TestNetwork.cryptoDirectory().toString(),
                "--batch-timeout-ms", "20"));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        Awaitility.await("the devpeer process listening or dead").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> !process.isAlive() || listening(output));
        if (listening(output)) {
            return process;
        }
        process.destroyForcibly();
        throw new IllegalStateException("devpeer process did not start:\n" + Files.readString(output));
    }

    private static boolean listening(final Path output) throws IOException {
        return Files.exists(output) && Files.readString(output).contains("devpeer listening on port");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
