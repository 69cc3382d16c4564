package org.safepassage.system.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safepassage.system.RunningSystem;

/**
 * Each service's OpenAPI document, as the running service publishes it at {@code /q/openapi}, replayed against that
 * service ({@link DocumentReplay}): its examples and generated invalid inputs, as the roles its security requirements
 * name. Any 5xx, any status the document does not list for the operation, any body against the documented schema, and
 * any 405 without the right {@code Allow} fails the test, with every finding listed.
 */
class ApiDocumentsIT {
    private static RunningSystem system;
    private static final HttpClient PLAIN = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    /** Enrollment's and guardian-notify's callers: plain HTTP, each role with its token ({@link #token}). */
    private static final DocumentReplay.Callers BY_TOKEN = new DocumentReplay.Callers() {
        @Override
        public HttpClient client(final String role) {
            return PLAIN;
        }

        @Override
        public String authorization(final String role) throws Exception {
            return token(role);
        }
    };

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.shared();
    }

    @Test
    void enrollment_answers_as_its_document_says() throws Exception {
        final JsonNode document = document(system.url("enrollment"));
        final DocumentReplay replay = new DocumentReplay(document, system.url("enrollment"), BY_TOKEN);
        assertAnsweredAsDocumented(replay);
    }

    @Test
    void guardian_notify_answers_as_its_document_says() throws Exception {
        final JsonNode document = document(system.url("guardian-notify"));
        final DocumentReplay replay = new DocumentReplay(document, system.url("guardian-notify"), BY_TOKEN);
        assertAnsweredAsDocumented(replay);
    }

    @Test
    void the_gateway_answers_as_its_document_says() throws Exception {
        // The document is on the management port; the API only over mutual TLS, a terminal's certificate its role,
        // and with the token of the person logged in at the terminal (the supervisor's at the supervisor's).
        final JsonNode document = document("http://127.0.0.1:" + system.ports().get("GATEWAY_ADMIN_PORT"));
        final Map<String, HttpClient> terminals = new ConcurrentHashMap<>();
        final DocumentReplay replay = new DocumentReplay(document, system.url("gateway"), new DocumentReplay.Callers() {
            @Override
            public HttpClient client(final String role) throws Exception {
                final String user = "supervisor".equals(role) ? "supervisor" : "guard";
                if (!terminals.containsKey(user)) {
                    terminals.put(user, system.terminal(user));
                }
                return terminals.get(user);
            }

            @Override
            public String authorization(final String role) throws Exception {
                return system.personAt(client(role));
            }
        });
        assertAnsweredAsDocumented(replay);
    }

    private static void assertAnsweredAsDocumented(final DocumentReplay replay) throws Exception {
        final List<String> findings = replay.run(Map.of());
        assertThat(replay.calls()).as("calls made").isGreaterThan(20);
        assertThat(findings).as(findings.size() + " answers unlike the document, of " + replay.calls() + " calls:\n"
                + String.join("\n", findings)).isEmpty();
    }

    private static JsonNode document(final String base) throws Exception {
        final HttpResponse<String> response = PLAIN.send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningSystem.JSON.readTree(response.body());
    }

    /**
     * The Authorization a caller in {@code role} sends: a service its own client's token by client credentials, as the
     * services call one another; a person the token the IdP issues her.
     */
    private static String token(final String role) throws Exception {
        String token = TOKENS.get(role);
        if (token == null) {
            token = switch (role) {
                case "gateway" -> system.serviceToken("gateway", "OIDC_GATEWAY_SECRET");
                case "notifier" -> system.serviceToken("guardian-notify", "OIDC_NOTIFY_SECRET");
                case "enrollment-service" -> system.serviceToken("enrollment", "OIDC_ENROLLMENT_SECRET");
                default -> system.login().authorization(role, system.demoPassword());
            };
            TOKENS.put(role, token);
        }
        return token;
    }
}
