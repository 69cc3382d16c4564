package org.safepassage.devpeer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.hyperledger.fabric.client.Contract;
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.LegalBasis;
import org.safepassage.chaincode.model.Outcome;
import org.safepassage.chaincode.model.RecordCrossingCommand;
import org.safepassage.ledger.sim.Identity;

/**
 * Submit-and-commit throughput and latency through the real Gateway client against an in-process devpeer (default
 * blocks: 50 transactions or 100 ms): the crossing record (endorsed by BorderMSP and ChildProtectionMSP) and, as the
 * ceiling, the contract router's read-only {@code GetMetadata} submitted as a transaction with an empty read/write
 * set. Not a unit test; run with {@code ./mvnw -f network/devpeer/pom.xml test-compile exec:java
 * -Dexec.mainClass=org.safepassage.devpeer.DevPeerBenchmark -Dexec.classpathScope=test}.
 */
public final class DevPeerBenchmark {
    private static final Logger LOG = Logger.getLogger(DevPeerBenchmark.class.getName());
    private static final int[] CLIENTS = {1, 8, 32};
    private static final Duration RUN = Duration.ofSeconds(5);

    private DevPeerBenchmark() {}

    /** @param args ignored */
    public static void main(final String[] args) throws Exception {
        final Path data = Files.createTempDirectory("devpeer-benchmark");
        TestNetwork.material();
        try (DevPeer peer = DevPeer.start(DevPeerConfig.of(data, TestNetwork.cryptoDirectory()).withPort(0));
                TestNetwork network = new TestNetwork(peer.port())) {
            final Identity officer = TestNetwork.user("RegistryMSP", "officer");
            final Identity guard = TestNetwork.user("BorderMSP", "guard");
            for (int clients : CLIENTS) {
                final List<Callable<List<Long>>> crossing = new ArrayList<>();
                final List<Callable<List<Long>>> empty = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    final String survivor =
                            network.chaincode(officer).subjects().register(Commands.survivor()).subjectId();
                    final Contract contract = network.connect(guard).getNetwork(TestNetwork.CHANNEL)
                            .getContract("safepassage");
                    final String record = CanonicalJson.toJson(new RecordCrossingCommand(survivor, "MD-LEUSENI",
                            Direction.EXIT, Outcome.ALLOWED, null, LegalBasis.notRequired()));
                    crossing.add(() -> loop(() -> contract.submitTransaction("crossing:RecordCrossing", record)));
                    empty.add(() -> loop(() -> contract.submitTransaction("org.hyperledger.fabric:GetMetadata")));
                }
                report("RecordCrossing", clients, run(crossing));
                report("empty (GetMetadata)", clients, run(empty));
            }
        }
    }

    private static List<Long> run(final List<Callable<List<Long>>> clients) throws Exception {
        final ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            final List<Long> latencies = new ArrayList<>();
            for (Future<List<Long>> result : pool.invokeAll(clients)) {
                latencies.addAll(result.get());
            }
            return latencies;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Long> loop(final Callable<?> transaction) throws Exception {
        final List<Long> latencies = new ArrayList<>();
        final long end = System.nanoTime() + RUN.toNanos();
        while (System.nanoTime() < end) {
            final long start = System.nanoTime();
            transaction.call();
            latencies.add(System.nanoTime() - start);
        }
        return latencies;
    }

    private static void report(final String transaction, final int clients, final List<Long> latencies) {
        Collections.sort(latencies);
        final double perSecond = latencies.size() / (double) RUN.toSeconds();
        LOG.info(() -> String.format("%-20s clients=%2d  %7.1f tx/s  p50=%6.1f ms  p99=%6.1f ms  (n=%d)", transaction,
                clients, perSecond, millis(latencies, 0.50), millis(latencies, 0.99), latencies.size()));
    }

    private static double millis(final List<Long> sorted, final double quantile) {
        final int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
