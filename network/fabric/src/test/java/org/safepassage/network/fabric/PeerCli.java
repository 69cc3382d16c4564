package org.safepassage.network.fabric;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Fabric's own {@code peer} CLI, as {@code network/fabric/install-binaries} installed it in {@code network/fabric/.bin}
 * (or {@code $FABRIC_BIN}), run as one user against one peer: with TLS for a peer of the real network, plaintext for
 * the devpeer. Set up like {@code network/fabric/up}'s {@code peer_as}.
 */
final class PeerCli {
    private static final long TIMEOUT_SECONDS = 120;

    private final Path binary;
    private final Map<String, String> environment;
    private final Path workDirectory;

    private PeerCli(final Path binary, final Map<String, String> environment, final Path workDirectory) {
        this.binary = binary;
        this.environment = Map.copyOf(environment);
        this.workDirectory = workDirectory;
    }

    /**
     * @param configDirectory holds core.yaml ({@code FABRIC_CFG_PATH})
     * @param crypto the crypto root with {@code <MSP>/users/<user>/msp}
     * @param peerAddress host:port of the peer
     * @param tlsCa the peer's TLS CA certificate, or null for plaintext
     */
    static PeerCli of(final Path configDirectory, final Path crypto, final String mspId, final String user,
            final String peerAddress, final Path tlsCa, final Path workDirectory) {
        final Map<String, String> env = new LinkedHashMap<>();
        env.put("FABRIC_CFG_PATH", configDirectory.toString());
        env.put("CORE_PEER_LOCALMSPID", mspId);
        env.put("CORE_PEER_MSPCONFIGPATH", crypto.resolve(mspId).resolve("users").resolve(user).resolve("msp")
                .toString());
        env.put("CORE_PEER_ADDRESS", peerAddress);
        env.put("CORE_PEER_TLS_ENABLED", Boolean.toString(tlsCa != null));
        if (tlsCa != null) {
            env.put("CORE_PEER_TLS_ROOTCERT_FILE", tlsCa.toString());
        }
        env.put("FABRIC_LOGGING_SPEC", "warning");
        return new PeerCli(binary(), env, workDirectory);
    }

    /** {@code $FABRIC_BIN/peer}, else {@code network/fabric/.bin/peer} found from the working directory up. */
    static Path binary() {
        final String bin = System.getenv("FABRIC_BIN");
        if (bin != null && !bin.isBlank()) {
            return Path.of(bin, "peer");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve(".bin/peer"), dir.resolve("network/fabric/.bin/peer"))) {
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no peer binary: run network/fabric/install-binaries (network/fabric/up does)");
    }

    Result run(final String... args) {
        final List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        try {
            final Path out = Files.createTempFile(workDirectory, "peer", ".out");
            final Path err = Files.createTempFile(workDirectory, "peer", ".err");
            final ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            final Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    /**
     * What one run printed.
     *
     * @param exitCode its exit status
     * @param stdout its standard output
     * @param stderr its standard error
     */
    record Result(int exitCode, String stdout, String stderr) {
        Result succeeded() {
            if (exitCode != 0) {
                throw new AssertionError("peer exited " + exitCode + ":\n" + stdout + stderr);
            }
            return this;
        }

        /** The CLI's one-line error report ({@code Error: ...}), without the log lines around it. */
        String error() {
            return stderr.lines().filter(line -> line.startsWith("Error: ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no Error: line in:\n" + stderr));
        }
    }
}
