package org.safepassage.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The system as {@code ./run} starts it, looked at as another local user or the network would: no secret in any
 * process's arguments ({@code ps} shows them to everyone), and nothing listening beyond 127.0.0.1. Reads Linux's
 * {@code /proc} directly, as {@code ps} and {@code ss} do.
 */
class LockdownIT {
    /** An identifier, not a secret: it names the (stand-in) Twilio account in every API path. */
    private static final Set<String> NOT_SECRET = Set.of("TWILIO_ACCOUNT_SID");
    private static final String LOOPBACK_V4 = "0100007F";
    private static final String LOOPBACK_V4_IN_V6 = "0000000000000000FFFF00000100007F";
    private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");

    private static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.shared();
    }

    @Test
    void no_secret_appears_in_any_process_arguments() throws IOException {
        final Map<Long, String> commandLines = new HashMap<>();
        for (ProcessHandle process : system.processes()) {
            commandLines.put(process.pid(), commandLine(process.pid()));
        }
        // The reading works: the services' command lines are there, with the data directory in them.
        assertThat(commandLines.values()).anySatisfy(line -> assertThat(line).contains("quarkus-run.jar"));
        assertThat(commandLines.values()).anySatisfy(line -> assertThat(line).contains("devpeer.jar"));

        final Map<String, String> secrets = system.secrets();
        secrets.keySet().removeAll(NOT_SECRET);
        assertThat(secrets).containsKeys("VAULT_KEK", "COMMITMENT_PEPPER", "TWILIO_AUTH_TOKEN", "DEMO_PASSWORD");
        secrets.forEach((name, value) -> assertThat(commandLines)
                .as("%s must not be in any process's arguments", name)
                .allSatisfy((pid, line) -> assertThat(line).doesNotContain(value)));
    }

    @Test
    void every_listening_socket_is_on_127_0_0_1() throws IOException {
        final Set<String> inodes = new java.util.HashSet<>();
        for (ProcessHandle process : system.processes()) {
            inodes.addAll(socketInodes(process.pid()));
        }
        final List<String[]> listening = Stream.concat(
                        listeningSockets(Path.of("/proc/net/tcp")), listeningSockets(Path.of("/proc/net/tcp6")))
                .filter(socket -> inodes.contains(socket[2]))
                .toList();
        final Set<Integer> ports = listening.stream().map(socket -> Integer.parseInt(socket[1], 16))
                .collect(Collectors.toSet());
        // Every component's port is found, so a component whose sockets went unseen cannot pass by being missed.
        assertThat(ports).containsAll(system.ports().values());

        assertThat(listening).allSatisfy(socket -> assertThat(socket[0])
                .as("port %d listens on %s", Integer.parseInt(socket[1], 16), socket[0])
                .isIn(LOOPBACK_V4, LOOPBACK_V4_IN_V6));
    }

    private static String commandLine(final long pid) throws IOException {
        final Path file = Path.of("/proc", Long.toString(pid), "cmdline");
        return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace('\0', ' ') : "";
    }

    /** The inodes of the sockets a process holds open. */
    private static Set<String> socketInodes(final long pid) throws IOException {
        final Path fds = Path.of("/proc", Long.toString(pid), "fd");
        if (!Files.isDirectory(fds)) {
            return Set.of();
        }
        try (Stream<Path> links = Files.list(fds)) {
            return links.map(LockdownIT::linkTarget).map(SOCKET_LINK::matcher).filter(Matcher::matches)
                    .map(m -> m.group(1)).collect(Collectors.toSet());
        }
    }

    private static String linkTarget(final Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return ""; // closed meanwhile
        }
    }

    /** {address (hex, as the kernel writes it), port (hex), inode} of every socket in LISTEN state in the table. */
    private static Stream<String[]> listeningSockets(final Path table) throws IOException {
        if (!Files.exists(table)) {
            return Stream.empty();
        }
        return Files.readAllLines(table).stream().skip(1).map(String::strip).map(line -> line.split("\\s+"))
                .filter(fields -> "0A".equals(fields[3]))
                .map(fields -> new String[] {
                    fields[1].substring(0, fields[1].indexOf(':')),
                    fields[1].substring(fields[1].indexOf(':') + 1),
                    fields[9]});
    }
}
