package org.safepassage.devpeer;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Fabric's own {@code peer} CLI from the project's checked release archive ({@code network/fabric/install-binaries}
 * unpacks it into {@code network/fabric/.bin}), run as a user of the devpeer's crypto material against a devpeer.
 *
 * <p>Without the archive (install-binaries exits 3) the tests using it are skipped, saying why, except in CI
 * ({@code CI} set), where that is a failure: CI must prove the CLI works.
 */
final class PeerCli {
    private static final long TIMEOUT_SECONDS = 120;
    private static Path binary;

    private final Path peer;
    private final Path root;
    private final Path crypto;
    private final int port;
    private final Path workDirectory;

    private PeerCli(final Path peer, final Path root, final Path crypto, final int port, final Path workDirectory) {
        this.peer = peer;
        this.root = root;
        this.crypto = crypto;
        this.port = port;
        this.workDirectory = workDirectory;
    }

    /** The CLI against the devpeer on {@code port}, using the MSP folders in {@code crypto}. */
    static PeerCli against(final int port, final Path crypto, final Path workDirectory) {
        return new PeerCli(install(), projectRoot(), crypto, port, workDirectory);
    }

    /** Installs the binaries once per JVM: skips (or in CI fails) when Fabric cannot be had on this machine. */
    static synchronized Path install() {
        if (binary != null) {
            return binary;
        }
        final Path script = projectRoot().resolve("network/fabric/install-binaries");
        final Result result = run(List.of(script.toString()), Map.of(), projectRoot());
        if (result.exitCode() == 3) {
            final String why = "Fabric's peer CLI is unavailable on this machine (no release archive in ../shared/fabric"
                    + " or FABRIC_ARCHIVE; network/fabric/install-binaries exited 3):\n" + result.stderr();
            if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
                throw new IllegalStateException("in CI the peer CLI tests must run. " + why);
            }
            Assumptions.abort(why);
        }
        if (result.exitCode() != 0) {
            throw new IllegalStateException("network/fabric/install-binaries failed (" + result.exitCode() + "):\n"
                    + result.stdout() + result.stderr());
        }
        final String bin = System.getenv("FABRIC_BIN");
        final Path peer = (bin == null || bin.isBlank() ? projectRoot().resolve("network/fabric/.bin") : Path.of(bin))
                .resolve("peer");
        if (!Files.isExecutable(peer)) {
            throw new IllegalStateException("install-binaries succeeded but " + peer + " is not executable");
        }
        binary = peer;
        return peer;
    }

    /** Runs {@code peer ARGS...} as {@code user} of {@code mspId}, plaintext, against the devpeer. */
    Result as(final String mspId, final String user, final String... args) {
        return asMsp(mspId, crypto.resolve(mspId).resolve("users").resolve(user).resolve("msp"), args);
    }

    /** Runs the CLI with the MSP folder {@code msp}, claiming {@code mspId}. */
    Result asMsp(final String mspId, final Path msp, final String... args) {
        final List<String> command = new ArrayList<>();
        command.add(peer.toString());
        command.addAll(List.of(args));
        return run(command, Map.of(
                "FABRIC_CFG_PATH", root.resolve("network/fabric/config").toString(),
                "CORE_PEER_LOCALMSPID", mspId,
                "CORE_PEER_MSPCONFIGPATH", msp.toString(),
                "CORE_PEER_ADDRESS", "127.0.0.1:" + port,
                "CORE_PEER_TLS_ENABLED", "false",
                "FABRIC_LOGGING_SPEC", "warning"), workDirectory);
    }

    private static Result run(final List<String> command, final Map<String, String> env, final Path directory) {
        try {
            final Path out = Files.createTempFile("peer-cli", ".out");
            final Path err = Files.createTempFile("peer-cli", ".err");
            try {
                final ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                builder.environment().putAll(env);
                final Process process = builder.start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(command + " did not finish within " + TIMEOUT_SECONDS + " s");
                }
                return new Result(process.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    /** The clone's root: the first folder up from the working directory that holds network/fabric/install-binaries. */
    static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("network/fabric/install-binaries"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no network/fabric/install-binaries above " + Path.of("").toAbsolutePath());
    }

    /**
     * What one CLI run printed.
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
    }
}
