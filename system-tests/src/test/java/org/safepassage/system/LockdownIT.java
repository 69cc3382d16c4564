package org.safepassage.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The system as {@code ./run} starts it, looked at as another local user or the network would: no secret in any
 * process's arguments ({@code ps} shows them to everyone), nothing listening beyond 127.0.0.1, and a PostgreSQL that
 * wants a password from everyone and gives each service its own database only. Reads Linux's {@code /proc} directly,
 * as {@code ps} and {@code ss} do.
 */
class LockdownIT {
    /** An identifier, not a secret: it names the (stand-in) Twilio account in every API path. */
    private static final Set<String> NOT_SECRET = Set.of("TWILIO_ACCOUNT_SID");
    private static final String LOOPBACK_V4 = "0100007F";
    private static final String LOOPBACK_V4_IN_V6 = "0000000000000000FFFF00000100007F";
    private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");
    private static final List<String> DATABASES = List.of("postgres", "enrollment", "guardian_notify");

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
        assertThat(secrets).containsKeys("VAULT_KEK", "COMMITMENT_PEPPER", "TWILIO_AUTH_TOKEN", "DEMO_PASSWORD",
                "POSTGRES_ADMIN_PASSWORD", "ENROLLMENT_DB_PASSWORD", "NOTIFY_DB_PASSWORD");
        secrets.forEach((name, value) -> assertThat(commandLines)
                .as("%s must not be in any process's arguments", name)
                .allSatisfy((pid, line) -> assertThat(line).doesNotContain(value)));
    }

    @Test
    void no_service_has_an_embedded_user_or_a_password_for_another_service() throws IOException {
        // The services authenticate people and each other with the identity provider's tokens: no service is given a
        // user list, and each holds only its own client's secret to get tokens with.
        final Map<Long, String> services = new HashMap<>();
        for (ProcessHandle process : system.processes()) {
            final String line = commandLine(process.pid());
            if (line.contains("quarkus-app/quarkus-run.jar")) { // the services, not Keycloak's own Quarkus
                services.put(process.pid(), line);
            }
        }
        assertThat(services).as("enrollment, guardian-notify, gateway").hasSizeGreaterThanOrEqualTo(3);
        for (Map.Entry<Long, String> service : services.entrySet()) {
            final List<String> environment = environment(service.getKey());
            assertThat(service.getValue()).doesNotContain("quarkus.security.users.embedded");
            assertThat(environment).noneMatch(variable -> variable.startsWith("QUARKUS_SECURITY_USERS_EMBEDDED_"))
                    .noneMatch(variable -> variable.matches("SAFEPASSAGE_[A-Z_]*PASSWORD=.*"))
                    .anyMatch(variable -> variable.startsWith("SAFEPASSAGE_SERVICE_TOKEN_SECRET="));
        }
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

    @Test
    void postgres_refuses_a_connection_without_a_password() {
        for (String user : DATABASES) { // the superuser, and each service's role
            for (String database : DATABASES) {
                assertThatThrownBy(() -> connect(user, database, null).close())
                        .as("%s without a password, to %s", user, database).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> connect(user, database, "not-the-password").close())
                        .as("%s with a wrong password, to %s", user, database).isInstanceOf(SQLException.class);
            }
        }
        // Nor does it stream its files to anyone: no replication, even for the superuser with its password.
        final Properties replication = new Properties();
        replication.setProperty("replication", "database");
        replication.setProperty("assumeMinServerVersion", "9.4");
        replication.setProperty("preferQueryMode", "simple");
        assertThatThrownBy(() -> connect("postgres", "postgres", system.secrets().get("POSTGRES_ADMIN_PASSWORD"),
                replication).close()).isInstanceOf(SQLException.class);
    }

    @Test
    void each_service_logs_in_as_its_own_role_which_is_no_superuser_and_reaches_only_its_database() throws Exception {
        final Map<String, String> secrets = system.secrets();
        final Map<String, String> roles = Map.of(
                "enrollment", secrets.get("ENROLLMENT_DB_PASSWORD"),
                "guardian_notify", secrets.get("NOTIFY_DB_PASSWORD"));
        final String admin = secrets.get("POSTGRES_ADMIN_PASSWORD");
        assertThat(admin).isNotBlank();
        assertThat(roles.values()).doesNotContainNull().doesNotContain(admin).doesNotHaveDuplicates();

        // The running services use their roles, not the superuser.
        final List<String> services = system.processes().stream().map(process -> {
            try {
                return commandLine(process.pid());
            } catch (IOException e) {
                return "";
            }
        }).filter(line -> line.contains("-Dquarkus.datasource.jdbc.url=")).toList();
        assertThat(services).hasSize(2).allSatisfy(line -> assertThat(line)
                .containsAnyOf("-Dquarkus.datasource.username=enrollment ",
                        "-Dquarkus.datasource.username=guardian_notify ")
                .doesNotContain("username=postgres"));

        for (Map.Entry<String, String> role : roles.entrySet()) {
            final String name = role.getKey();
            try (Connection own = connect(name, name, role.getValue()); Statement sql = own.createStatement()) {
                try (ResultSet powers = sql.executeQuery("select rolsuper, rolcreaterole, rolcreatedb, rolreplication,"
                        + " rolbypassrls from pg_roles where rolname = current_user")) {
                    assertThat(powers.next()).isTrue();
                    for (int column = 1; column <= 5; column++) {
                        assertThat(powers.getBoolean(column)).as("%s: %s", name,
                                powers.getMetaData().getColumnName(column)).isFalse();
                    }
                }
                // It owns its tables (Flyway created them as it), so its migrations keep working.
                try (ResultSet owner = sql.executeQuery("select tableowner from pg_tables"
                        + " where tablename = 'flyway_schema_history'")) {
                    assertThat(owner.next()).isTrue();
                    assertThat(owner.getString(1)).isEqualTo(name);
                }
                assertThatThrownBy(() -> sql.execute("copy (select 1) to program 'true'"))
                        .isInstanceOf(SQLException.class);
                if ("enrollment".equals(name)) {
                    // The access audit is append-only for the service that owns it: INSERT and SELECT, no more.
                    try (ResultSet rights = sql.executeQuery("select has_table_privilege('access_audit', 'INSERT'),"
                            + " has_table_privilege('access_audit', 'SELECT'),"
                            + " has_table_privilege('access_audit', 'UPDATE'),"
                            + " has_table_privilege('access_audit', 'DELETE'),"
                            + " has_table_privilege('access_audit', 'TRUNCATE')")) {
                        assertThat(rights.next()).isTrue();
                        assertThat(List.of(rights.getBoolean(1), rights.getBoolean(2), rights.getBoolean(3),
                                rights.getBoolean(4), rights.getBoolean(5))).containsExactly(true, true, false, false,
                                false);
                    }
                    assertThatThrownBy(() -> sql.execute("delete from access_audit"))
                            .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                }
            }
            for (String other : DATABASES) {
                if (!other.equals(name)) {
                    assertThatThrownBy(() -> connect(name, other, role.getValue()).close())
                            .as("%s into %s", name, other).isInstanceOf(SQLException.class);
                }
            }
            assertThatThrownBy(() -> connect("postgres", "postgres", role.getValue()).close())
                    .as("the superuser with %s's password", name).isInstanceOf(SQLException.class);
        }
    }

    private static Connection connect(final String user, final String database, final String password)
            throws SQLException {
        return connect(user, database, password, new Properties());
    }

    private static Connection connect(final String user, final String database, final String password,
            final Properties properties) throws SQLException {
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + system.ports().get("POSTGRES_PORT")
                + "/" + database, properties);
    }

    private static List<String> environment(final long pid) throws IOException {
        final Path file = Path.of("/proc", Long.toString(pid), "environ");
        return Files.exists(file)
                ? List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\0"))
                : List.of();
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
