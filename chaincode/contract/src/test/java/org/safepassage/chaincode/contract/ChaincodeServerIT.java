package org.safepassage.chaincode.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The packaged chaincode jar, run the way a chaincode-as-a-service deployment runs it. */
class ChaincodeServerIT {

    @Test
    void serves_on_the_configured_address_and_stops_cleanly_on_sigterm() throws Exception {
        final Path jar = Path.of(System.getProperty("chaincode.jar"));
        assertThat(jar).exists();
        final int port = freePort();
        final Path log = Files.createTempFile("chaincode-server", ".log");
        final ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("CHAINCODE_SERVER_ADDRESS", "127.0.0.1:" + port);
        builder.environment().put("CORE_CHAINCODE_ID_NAME", "safepassage:test");
        builder.environment().remove("CORE_PEER_TLS_ENABLED");
        final Process server = builder.start();
        try {
            awaitListening(port, server, Duration.ofSeconds(60));

            server.destroy(); // SIGTERM
            final boolean exited = server.waitFor(20, TimeUnit.SECONDS);

            final String output = Files.readString(log);
            assertThat(exited).as("exits within 20 s of SIGTERM; output:%n%s", output).isTrue();
            assertThat(server.exitValue()).as("exit status after SIGTERM").isEqualTo(143);
            assertThat(output).contains("SafePassage chaincode server listening")
                    .contains("server shut down")
                    .doesNotContain("Exception in thread");
        } finally {
            server.destroyForcibly();
        }
    }

    private static void awaitListening(final int port, final Process server, final Duration timeout) {
        Awaitility.await("chaincode server listening on port " + port).atMost(timeout)
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    assertThat(server.isAlive()).as("chaincode server process is alive").isTrue();
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                        return true;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
