package org.safepassage.devstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The packaged {@code devpeer.jar} as its own process: how the services' tests get a ledger without the chaincode's
 * dependencies on their class path. It can be killed (SIGKILL, as a crash) and restarted on the same port and data,
 * for tests of what a service does while the ledger is down.
 */
public final class DevPeerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path jar;
    private final Path data;
    private final Path crypto;
    private final Path logs;
    private final int port;
    private Process process;

    private DevPeerProcess(final Path jar, final Path data, final Path crypto, final Path logs, final int port) {
        this.jar = jar;
        this.data = data;
        this.crypto = crypto;
        this.logs = logs;
        this.port = port;
    }

    /**
     * Starts the devpeer on a free port and waits until it listens.
     *
     * @param data the ledger's directory (its {@code connection.json} is written there)
     * @param crypto where the dev identities are, written on first start
     * @param logs where each start's log goes
     */
    public static DevPeerProcess start(final Path data, final Path crypto, final Path logs)
            throws IOException, InterruptedException {
        final Path jar = Path.of(System.getProperty("safepassage.devpeer.jar",
                Path.of("..", "network", "devpeer", "target", "devpeer.jar").toString())).toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build network/devpeer first (the reactor does)");
        }
        final int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        final DevPeerProcess peer = new DevPeerProcess(jar, data, crypto, logs, port);
        peer.launch();
        return peer;
    }

    public int port() {
        return port;
    }

    /** The {@code connection.json} services read to find the ledger. */
    public Path connectionFile() {
        return data.resolve("connection.json");
    }

    /** Kills the devpeer as a crash would: no shutdown, whatever was in flight is lost. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Starts it again on the same port and data, after {@link #kill()}. */
    public void restart() throws IOException, InterruptedException {
        launch();
    }

    private void launch() throws IOException, InterruptedException {
        Files.createDirectories(logs);
        final Path log = logs.resolve("devpeer-" + System.nanoTime() + ".log");
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m", "-jar", jar.toString(), "--port", Integer.toString(port),
                        "--data", data.toString(), "--crypto", crypto.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        final Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            if (Files.exists(log) && Files.readString(log).contains("devpeer listening on port " + port)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("devpeer did not start:\n" + Files.readString(log));
    }

    /** Stops the devpeer cleanly (SIGTERM). */
    @Override
    public void close() {
        if (process != null) {
            process.destroy();
        }
    }
}
