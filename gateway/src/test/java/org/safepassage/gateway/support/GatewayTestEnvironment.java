package org.safepassage.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.safepassage.devstack.DevPeerProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything the gateway needs, local: the ledger (the packaged devpeer.jar as its own process, with dev identities),
 * TLS material from the dev crypto (the gateway serves with the BorderMSP peer's TLS certificate, issued for localhost
 * by the BorderMSP TLS CA, and trusts the BorderMSP signing CA for terminals), and a stand-in for enrollment's identify
 * API that maps fingerprint image bytes to configured answers.
 */
public class GatewayTestEnvironment implements QuarkusTestResourceLifecycleManager {
    public static final String CLIENT_SECRET = randomKey();
    /** Root of this run's files: the ledger and its crypto material live below it. */
    public static final Path WORK = Path.of("target", "gateway-env").toAbsolutePath();
    /** Requests opened by the gateway under test expire after this long (the ledger's minimum). */
    public static final Duration REQUEST_TTL = Duration.ofMinutes(1);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Answer> ANSWERS = new ConcurrentHashMap<>();
    private static final AtomicInteger IDENTIFY_CALLS = new AtomicInteger();
    private static DevPeerProcess devpeer;
    private static HttpServer enrollment;

    /** What the enrollment stand-in answers for one image. */
    public record Answer(int status, String body) {}

    @Override
    public Map<String, String> start() {
        try {
            deleteRecursively(WORK);
            Files.createDirectories(WORK);
            devpeer = DevPeerProcess.start(WORK.resolve("ledger"), crypto(), WORK);
            final Path connection = devpeer.connectionFile();
            startEnrollment();
            final Path crypto = crypto();
            final Map<String, String> config = new HashMap<>();
            config.put("safepassage.ledger.connection", connection.toString());
            config.put("safepassage.ledger.retry-every", "1s");
            config.put("safepassage.gateway.companion-key", randomKey());
            config.put("safepassage.gateway.request-ttl", REQUEST_TTL.toString());
            config.put("safepassage.gateway.expiry-check-every", "1s");
            config.put("safepassage.tls.certificate",
                    crypto.resolve("BorderMSP/peers/peer0/tls/server.crt").toString());
            config.put("safepassage.tls.key", crypto.resolve("BorderMSP/peers/peer0/tls/server.key").toString());
            config.put("safepassage.tls.client-ca", crypto.resolve("BorderMSP/ca/cert.pem").toString());
            config.put("quarkus.rest-client.enrollment.url", "http://127.0.0.1:" + enrollment.getAddress().getPort());
            config.put("safepassage.service-token.token-url",
                    "http://127.0.0.1:" + enrollment.getAddress().getPort() + "/token");
            config.put("safepassage.service-token.secret", CLIENT_SECRET);
            // No identity provider: the people's tokens are signed by the tests' own key (People).
            config.put("quarkus.oidc.public-key", People.publicKey());
            return config;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot start the gateway test environment", e);
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
    }

    /** The dev crypto material the devpeer wrote. */
    public static Path crypto() {
        return WORK.resolve("crypto");
    }

    /** The devpeer's connection file. */
    public static Path connectionFile() {
        return WORK.resolve("ledger").resolve("connection.json");
    }

    /** Makes the enrollment stand-in answer {@code answer} for a scan whose first image is {@code image}. */
    public static void answer(final String image, final Answer answer) {
        ANSWERS.put(image, answer);
    }

    /** How many identify calls the enrollment stand-in received. */
    public static int identifyCalls() {
        return IDENTIFY_CALLS.get();
    }

    /** Enrollment's identify API, as far as the gateway uses it; the real one is tested in its module. */
    private static void startEnrollment() throws IOException {
        enrollment = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // The identity provider's token endpoint beside it: the gateway's client gets its token there by client
        // credentials, and enrollment's stand-in takes only that token.
        final String token = "gateway-token-" + randomKey();
        final String expectedAuth = "Bearer " + token;
        enrollment.createContext("/token", exchange -> {
            final String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            final boolean ours = form.contains("grant_type=client_credentials") && form.contains("client_id=gateway")
                    && form.contains("client_secret="
                            + java.net.URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8));
            final byte[] bytes = (ours
                    ? "{\"access_token\":\"" + token + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}"
                    : "{\"error\":\"unauthorized_client\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(ours ? 200 : 401, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        enrollment.createContext("/internal/v1/identify", exchange -> {
            IDENTIFY_CALLS.incrementAndGet();
            Answer answer;
            if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer = new Answer(401, "{\"code\":\"UNAUTHENTICATED\",\"message\":\"who are you\"}");
            } else {
                final JsonNode body = JSON.readTree(exchange.getRequestBody());
                // Keyed by the first fingerprint image, or by the first iris image of a scan by iris alone.
                final String image = body.path("images").path(0).asText(body.path("irisImages").path(0).asText(""));
                answer = ANSWERS.getOrDefault(image, new Answer(200, "{\"outcome\":\"NO_MATCH\"}"));
            }
            final byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        enrollment.start();
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
