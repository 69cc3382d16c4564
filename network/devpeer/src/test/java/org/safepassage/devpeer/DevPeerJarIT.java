package org.safepassage.devpeer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.client.LedgerConnection;
import org.safepassage.chaincode.client.LedgerGateway;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.chaincode.model.Subject;

/** The packaged {@code devpeer.jar} runs on its own, finds the contracts and serves the typed client. */
class DevPeerJarIT {
    @TempDir
    Path work;

    @Test
    void the_shaded_jar_serves_the_chaincode_and_stops_on_sigterm() throws Exception {
        final Path jar = Path.of("target", "devpeer.jar").toAbsolutePath();
        final Path log = work.resolve("devpeer.log");
        final int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        TestNetwork.material();
        final Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                        "--port", Integer.toString(port), "--data", work.resolve("data").toString(),
                        "--crypto", TestNetwork.cryptoDirectory().toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitLine(process, log, "devpeer listening on port " + port);
            final LedgerConnection connection = LedgerConnection.read(work.resolve("data/connection.json"));
            assertThat(connection.peer("BorderMSP").endpoint()).isEqualTo("127.0.0.1:" + port);
            assertThat(connection.userMsp("BorderMSP", "guard").resolve("signcerts/cert.pem")).exists();
            // Connect exactly as a service does: from the connection file, as a named user.
            try (LedgerGateway officer = LedgerGateway.connect(connection, "RegistryMSP", "officer")) {
                final Subject subject = officer.chaincode().subjects().register(Commands.minor(1, 1));
                assertThat(officer.chaincode().subjects().read(subject.subjectId())).isEqualTo(subject);
            }
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(log)).contains("devpeer stopped");
        } finally {
            process.destroyForcibly();
        }
    }

    private static void awaitLine(final Process process, final Path log, final String line)
            throws IOException, InterruptedException {
        Awaitility.await("devpeer.jar logging " + line + " or dead").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> !process.isAlive() || Files.exists(log) && Files.readString(log).contains(line));
        if (Files.exists(log) && Files.readString(log).contains(line)) {
            return;
        }
        throw new IllegalStateException("devpeer.jar did not start:\n" + Files.readString(log));
    }
}
