package org.safepassage.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DevPostgresTest {
    private static final Map<String, String> SERVICES = Map.of("vault", "vault-password-1", "notes", "notes-password-2");
    private static final String ADMIN = "admin-password-0";

    private Path data;
    private int port;
    private EmbeddedPostgres postgres;

    @BeforeEach
    void directory() throws IOException {
        data = Path.of("target", "devpostgres-test").toAbsolutePath();
        delete(data);
        Files.createDirectories(data);
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
    }

    @AfterEach
    void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void refuses_a_connection_without_a_password_or_with_a_wrong_one() throws IOException {
        postgres = DevPostgres.start(data, port, ADMIN, SERVICES);
        for (String user : new String[] {"postgres", "vault", "notes"}) {
            assertThatThrownBy(() -> connect(user, user.equals("postgres") ? "postgres" : user, null).close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(user, user.equals("postgres") ? "postgres" : user, "wrong").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        }
        assertThat(Files.readAllLines(data.resolve("pg_hba.conf"))).filteredOn(line -> !line.startsWith("#"))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith("host ").contains(" 127.0.0.1/32 ")
                        .endsWith(" scram-sha-256").doesNotContain("replication"));
    }

    @Test
    void a_service_role_owns_its_database_and_has_no_other_power() throws Exception {
        postgres = DevPostgres.start(data, port, ADMIN, SERVICES);
        try (Connection vault = connect("vault", "vault", "vault-password-1"); Statement sql = vault.createStatement()) {
            sql.execute("create table t (id bigserial primary key)"); // as Flyway does
            try (ResultSet role = sql.executeQuery("select rolsuper, rolcreaterole, rolcreatedb, rolreplication,"
                    + " rolbypassrls from pg_roles where rolname = current_user")) {
                assertThat(role.next()).isTrue();
                for (int i = 1; i <= 5; i++) {
                    assertThat(role.getBoolean(i)).as("column %d", i).isFalse();
                }
            }
            assertThatThrownBy(() -> sql.execute("copy (select 1) to program 'true'"))
                    .isInstanceOf(SQLException.class);
        }
        assertThatThrownBy(() -> connect("vault", "notes", "vault-password-1").close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect("vault", "postgres", "vault-password-1").close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect("postgres", "postgres", "vault-password-1").close())
                .isInstanceOf(SQLException.class);
        connect("postgres", "notes", ADMIN).close();
    }

    @Test
    void upgrades_a_directory_an_older_devpostgres_left_trusting_every_local_connection() throws Exception {
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setPort(port).setServerConfig("listen_addresses", "127.0.0.1").start();
                Connection admin = old.getPostgresDatabase().getConnection();
                Statement sql = admin.createStatement()) {
            sql.execute("create database vault");
            try (Connection vault = old.getDatabase("postgres", "vault").getConnection();
                    Statement in = vault.createStatement()) {
                in.execute("create table kept (id bigserial primary key, v text)");
                in.execute("insert into kept (v) values ('still here')");
            }
        }
        assertThat(Files.readString(data.resolve("pg_hba.conf"))).contains("trust");

        postgres = DevPostgres.start(data, port, ADMIN, SERVICES);

        assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust");
        assertThatThrownBy(() -> connect("postgres", "postgres", null).close()).isInstanceOf(SQLException.class);
        try (Connection vault = connect("vault", "vault", "vault-password-1"); Statement sql = vault.createStatement()) {
            sql.execute("insert into kept (v) values ('written by its owner')");
            try (ResultSet rows = sql.executeQuery("select count(*) from kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(2);
            }
        }
    }

    private Connection connect(final String user, final String database, final String password) throws SQLException {
        final Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
    }

    private static void delete(final Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
