package org.safepassage.network.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safepassage.devstack.DevPeerProcess;

/**
 * One scripted scenario on both ledgers, the devpeer and the real Fabric network {@code network/fabric/up} started,
 * compared observation by observation: results, validation codes, gRPC status codes with their error details, and
 * events (names, payloads, order). Any difference fails with both transcripts side by side, so a devpeer that drifts
 * from Fabric is caught on the change that made it drift.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerDifferentialIT {
    private FabricConnection fabric;
    private DevPeerProcess devpeer;

    @BeforeAll
    void start() throws Exception {
        fabric = FabricConnection.fromSystemProperties();
        final Path work = Files.createTempDirectory("differential-devpeer");
        devpeer = DevPeerProcess.start(work.resolve("ledger"), work.resolve("crypto"), work.resolve("logs"));
    }

    @AfterAll
    void stop() throws Exception {
        if (devpeer != null) {
            devpeer.close();
        }
        if (fabric != null) {
            fabric.close();
        }
    }

    @Test
    void the_devpeer_and_real_fabric_observe_the_same_scenario_identically() throws Exception {
        // The same subject ids on both ledgers, new on every run, so the test can run twice on one network.
        final String run = Long.toString(System.currentTimeMillis(), 36);
        final List<String> onDevpeer;
        try (LedgerUnderTest ledger = LedgerUnderTest.devpeer(devpeer.connectionFile())) {
            onDevpeer = new DifferentialScenario(ledger, run).run();
        }
        final List<String> onFabric;
        try (LedgerUnderTest ledger = LedgerUnderTest.fabric(fabric)) {
            onFabric = new DifferentialScenario(ledger, run).run();
        }
        System.out.println("differential scenario: " + onDevpeer.size() + " observations on the devpeer, "
                + onFabric.size() + " on real Fabric " + fabric.fabricVersion());
        final Transcripts.Comparison comparison = Transcripts.compare("devpeer", onDevpeer, "fabric", onFabric);
        System.out.println(comparison.report());
        assertThat(comparison.differences()).as("%s", comparison.report()).isZero();
        assertThat(onDevpeer).as("the scenario ran to its end").last().asString().startsWith("events resumed");
    }
}
