package org.safepassage.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safepassage.devstack.DemoLogin;

/**
 * People log in at the identity provider (Keycloak, as {@code ./run} starts it), and enrollment and guardian-notify
 * take only tokens their own realm issued, unexpired, to a person whose role allows the call. Each refused token is a
 * real one signed by a Keycloak key, so the refusal is the service's check and not a malformed request.
 */
class OidcIT {
    private static RunningSystem system;
    private static String admin;
    private static boolean otherRealm;
    private static boolean shortLivedClient;
    private static final java.util.Set<String> audienceClients = new java.util.HashSet<>();

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.shared();
        admin = adminToken();
    }

    @Test
    void an_officer_token_from_the_realm_is_taken() throws Exception {
        assertThat(status(system.enrollment("GET", "/api/v1/subjects", "officer", null))).isEqualTo(200);
    }

    @Test
    void no_token_or_a_forged_one_is_refused() throws Exception {
        assertThat(system.enrollmentWith("GET", "/api/v1/subjects", null, null).path("_status").asInt())
                .isEqualTo(401);
        assertThat(system.enrollmentWith("GET", "/api/v1/referrals",
                forged("officer", "\"officer\"", "\"supervisor\""), null).path("_status").asInt()).isEqualTo(401);
    }

    @Test
    void a_token_with_the_wrong_role_is_refused() throws Exception {
        // The analyst is a person of the realm with a valid token, but enrollment's subjects are not hers to list.
        final JsonNode answer = system.enrollment("GET", "/api/v1/subjects", "analyst", null);
        assertThat(answer.path("_status").asInt()).isEqualTo(403);
        assertThat(answer.path("code").asText()).isEqualTo("FORBIDDEN");
        // An officer may not read the duplicate referrals, which are the supervisor's.
        assertThat(system.enrollment("GET", "/api/v1/referrals", "officer", null).path("_status").asInt())
                .isEqualTo(403);
    }

    @Test
    void a_token_from_another_realm_is_refused() throws Exception {
        assertThat(system.enrollmentWith("GET", "/api/v1/subjects", foreignToken("officer"), null)
                .path("_status").asInt()).isEqualTo(401);
    }

    @Test
    void an_expired_token_is_refused() throws Exception {
        final String token = shortLivedToken("officer");
        assertThat(status(system.enrollmentWith("GET", "/api/v1/subjects", token, null))).isEqualTo(200);
        Thread.sleep(Duration.ofSeconds(4).toMillis());
        assertThat(system.enrollmentWith("GET", "/api/v1/subjects", token, null).path("_status").asInt())
                .isEqualTo(401);
    }

    /**
     * guardian-notify's analysts: the alerts API takes the realm's unexpired token of a person with the analyst role.
     * A taken token reaches the ledger, which answers that no such alert exists; a refused one never gets that far.
     */
    @org.junit.jupiter.api.Nested
    class GuardianNotify {
        private static final String ACKNOWLEDGE = "/analyst/api/alerts/" + "0".repeat(64) + "/acknowledgement";
        private static final Map<String, String> CONCLUSION = Map.of("resolution", "CHILD_SAFE");

        @Test
        void an_analyst_token_from_the_realm_is_taken() throws Exception {
            final JsonNode answer = acknowledge(system.login().authorization("analyst", system.demoPassword()));
            assertThat(answer.path("_status").asInt()).as(answer.toString()).isEqualTo(404);
            assertThat(answer.path("code").asText()).isEqualTo("ALERT_NOT_FOUND");
        }

        @Test
        void no_token_or_a_forged_one_is_refused() throws Exception {
            assertThat(acknowledge(null).path("_status").asInt()).isEqualTo(401);
            // The officer's real token, its role turned into the analyst's: the signature no longer matches.
            assertThat(acknowledge(forged("officer", "\"officer\"", "\"analyst\"")).path("_status").asInt())
                    .isEqualTo(401);
        }

        @Test
        void a_token_with_the_wrong_role_is_refused() throws Exception {
            // An officer is a person of the realm with a valid token, but alerts are the analysts' to conclude on.
            final JsonNode answer = acknowledge(system.login().authorization("officer", system.demoPassword()));
            assertThat(answer.path("_status").asInt()).isEqualTo(403);
            assertThat(answer.path("code").asText()).isEqualTo("FORBIDDEN");
        }

        @Test
        void a_token_from_another_realm_is_refused() throws Exception {
            assertThat(acknowledge(foreignToken("analyst")).path("_status").asInt()).isEqualTo(401);
        }

        @Test
        void an_expired_token_is_refused() throws Exception {
            final String token = shortLivedToken("analyst");
            assertThat(acknowledge(token).path("_status").asInt()).isEqualTo(404);
            Thread.sleep(Duration.ofSeconds(4).toMillis());
            assertThat(acknowledge(token).path("_status").asInt()).isEqualTo(401);
        }

        @Test
        void the_screens_send_the_browser_to_the_login_page() throws Exception {
            final HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(system.url("guardian-notify") + "/analyst/")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                    .startsWith(system.issuer() + "/protocol/openid-connect/auth")
                    .contains("client_id=guardian-notify").contains("code_challenge_method=S256"));
        }

        private JsonNode acknowledge(final String authorization) throws Exception {
            return system.notifyWith("POST", ACKNOWLEDGE, authorization, CONCLUSION);
        }
    }

    @Test
    void the_ledger_names_a_distinct_person_for_each_officers_enrollment() throws Exception {
        // Two officers of the same registry, each logged in as herself, each enroll an adult. Both transactions are
        // signed by the registry's one officer identity; the attribution beside each names the person, by the IdP's
        // pseudonymous subject.
        final Map<String, String> subjectOf = new java.util.LinkedHashMap<>();
        int finger = 611;
        for (String officer : List.of("officer", "officer2")) {
            final JsonNode enrolled = system.enrollment("POST", "/api/v1/subjects", officer, Map.of(
                    "requestId", "attribution-" + officer,
                    "person", Map.of("givenNames", "Attributa", "familyName", "Testova " + officer,
                            "birthDate", java.time.LocalDate.now().minusYears(30).toString(), "sex", "FEMALE"),
                    "guardians", List.of(),
                    "approvalQuorum", 0,
                    "consent", Map.of("consentedBy", "Attributa Testova", "legalBasis", "CONSENT",
                            "consentedAt", java.time.Instant.now().minusSeconds(60).toString()),
                    "fingerprints", List.of(Map.of("finger", "RIGHT_INDEX", "image", Base64.getEncoder()
                            .encodeToString(org.safepassage.enrollment.biometrics.TestImages.png(finger++, 0))))));
            assertThat(enrolled.path("_status").asInt()).as(enrolled.toString()).isEqualTo(201);
            subjectOf.put(system.subjectOf(officer), enrolled.path("subjectId").asText());
        }
        assertThat(subjectOf).hasSize(2);
        // The ledger's blocks: each officer's subject is registered by a transaction attributed to her.
        final String chain = new String(java.nio.file.Files.readAllBytes(system.data().resolve("ledger/blocks.log")),
                StandardCharsets.ISO_8859_1);
        final java.util.regex.Matcher attributions = java.util.regex.Pattern.compile(
                "\\{\"actor\":\"([^\"]+)\",\"at\":[^,]+,\"by\":\"([^\"]+)\","
                        + "\"transaction\":\"subject:RegisterSubject\",\"txId\":\"([0-9a-f]+)\"\\}").matcher(chain);
        final Map<String, String> actorOfTx = new java.util.HashMap<>();
        while (attributions.find()) {
            assertThat(attributions.group(2)).as("the signing identity: the registry's officer seat")
                    .startsWith("RegistryMSP/officer");
            actorOfTx.put(attributions.group(3), attributions.group(1));
        }
        subjectOf.forEach((actor, subjectId) -> assertThat(actorOfTx).containsValue(actor));
        // And the actor is no personal data: neither the user name nor anything of the person enrolled.
        assertThat(actorOfTx.values()).noneMatch(actor -> actor.contains("officer") || actor.contains("@"));
    }

    /**
     * Each service takes only tokens meant for it: a valid token of the realm, of a person whose role would open the
     * call, is refused 401 when its audience names another service only. The same person's token from the same kind
     * of client, meant for the service, is taken, so the audience alone makes the difference.
     */
    @org.junit.jupiter.api.Nested
    class Audience {
        private static final String ACKNOWLEDGE = "/analyst/api/alerts/" + "0".repeat(64) + "/acknowledgement";

        @Test
        void enrollment_refuses_an_officer_token_meant_for_guardian_notify() throws Exception {
            final String forNotify = audienceToken("guardian-notify", "officer");
            assertThat(system.enrollmentWith("GET", "/api/v1/subjects", forNotify, null).path("_status").asInt())
                    .isEqualTo(401);
            final String forEnrollment = audienceToken("enrollment", "officer");
            assertThat(status(system.enrollmentWith("GET", "/api/v1/subjects", forEnrollment, null))).isEqualTo(200);
        }

        @Test
        void guardian_notify_refuses_an_analyst_token_meant_for_enrollment() throws Exception {
            final Map<String, String> conclusion = Map.of("resolution", "CHILD_SAFE");
            final JsonNode refused = system.notifyWith("POST", ACKNOWLEDGE, audienceToken("enrollment", "analyst"),
                    conclusion);
            assertThat(refused.path("_status").asInt()).as(refused.toString()).isEqualTo(401);
            final JsonNode taken = system.notifyWith("POST", ACKNOWLEDGE, audienceToken("guardian-notify", "analyst"),
                    conclusion);
            assertThat(taken.path("_status").asInt()).as(taken.toString()).isEqualTo(404);
        }

        @Test
        void a_token_meant_for_no_service_is_refused_by_both() throws Exception {
            final String none = audienceToken(null, "officer");
            assertThat(system.enrollmentWith("GET", "/api/v1/subjects", none, null).path("_status").asInt())
                    .isEqualTo(401);
            assertThat(system.notifyWith("POST", ACKNOWLEDGE, audienceToken(null, "analyst"),
                    Map.of("resolution", "CHILD_SAFE")).path("_status").asInt()).isEqualTo(401);
        }
    }

    /**
     * At the border the terminal's certificate is not enough: the person at it logs in too, the override needs the
     * border supervisor's own login, and the ledger names the guard who scanned, not the terminal alone.
     */
    @org.junit.jupiter.api.Nested
    class AtTheBorder {
        @Test
        void a_terminal_certificate_without_a_persons_token_is_refused() throws Exception {
            final JsonNode refused = system.gatewayWith(system.terminal("guard"), "POST", "/api/v1/scans", null,
                    Map.of("images", List.of(Base64.getEncoder().encodeToString(
                            org.safepassage.enrollment.biometrics.TestImages.png(631, 1))), "direction", "EXIT"));

            assertThat(refused.path("_status").asInt()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.path("code").asText()).isEqualTo("PERSON_LOGIN_REQUIRED");
        }

        @Test
        void a_guards_token_cannot_override_at_the_supervisors_terminal_and_the_supervisors_can() throws Exception {
            final HttpClient supervisorsTerminal = system.terminal("supervisor");
            final String path = "/api/v1/requests/request-unknown-0001/override";
            final Map<String, String> body = Map.of("reasonCode", "MEDICAL_EMERGENCY");

            final JsonNode guard = system.gatewayWith(supervisorsTerminal, "POST", path,
                    system.login().authorization("guard", system.demoPassword()), body);
            assertThat(guard.path("_status").asInt()).as(guard.toString()).isEqualTo(403);
            assertThat(guard.path("code").asText()).isEqualTo("SUPERVISOR_LOGIN_REQUIRED");

            // The supervisor's login passes the gate: what answers is the ledger, which has no such request.
            final JsonNode supervisor = system.gatewayWith(supervisorsTerminal, "POST", path,
                    system.login().authorization("border-supervisor", system.demoPassword()), body);
            assertThat(supervisor.path("_status").asInt()).as(supervisor.toString()).isNotIn(401, 403);
        }

        @Test
        void the_ledger_names_a_distinct_person_for_each_guards_scan_at_one_terminal() throws Exception {
            final int finger = 641;
            final JsonNode enrolled = system.enrollment("POST", "/api/v1/subjects", "officer", Map.of(
                    "requestId", "attribution-guards",
                    "person", Map.of("givenNames", "Scanna", "familyName", "Testova",
                            "birthDate", java.time.LocalDate.now().minusYears(30).toString(), "sex", "FEMALE"),
                    "guardians", List.of(),
                    "approvalQuorum", 0,
                    "consent", Map.of("consentedBy", "Scanna Testova", "legalBasis", "CONSENT",
                            "consentedAt", java.time.Instant.now().minusSeconds(60).toString()),
                    "fingerprints", List.of(Map.of("finger", "RIGHT_INDEX", "image", Base64.getEncoder()
                            .encodeToString(org.safepassage.enrollment.biometrics.TestImages.png(finger, 0))))));
            assertThat(enrolled.path("_status").asInt()).as(enrolled.toString()).isEqualTo(201);
            new CrossingSteps(system).awaitRegistered(enrolled.path("subjectId").asText());

            // One terminal, two guards in turn, each logged in as herself.
            final HttpClient terminal = system.terminal("guard");
            int impression = 1;
            for (String guard : List.of("guard", "guard2")) {
                system.attend(terminal, guard);
                final JsonNode scan = system.gateway(terminal, "POST", "/api/v1/scans", Map.of("images",
                        List.of(Base64.getEncoder().encodeToString(
                                org.safepassage.enrollment.biometrics.TestImages.png(finger, impression++))),
                        "direction", "EXIT"));
                assertThat(scan.path("decision").asText()).as(scan.toString()).isEqualTo("CLEAR");
            }

            final List<String> guards = List.of(system.subjectOf("guard"), system.subjectOf("guard2"));
            assertThat(guards.get(0)).isNotEqualTo(guards.get(1));
            Await.until(() -> {
                final String chain = new String(java.nio.file.Files.readAllBytes(
                        system.data().resolve("ledger/blocks.log")), StandardCharsets.ISO_8859_1);
                final java.util.regex.Matcher attributions = java.util.regex.Pattern.compile(
                        "\\{\"actor\":\"([^\"]+)\",\"at\":[^,]+,\"by\":\"BorderMSP/post-md-leuseni-01\","
                                + "\"transaction\":\"crossing:RecordScan\"").matcher(chain);
                final java.util.Set<String> actors = new java.util.HashSet<>();
                while (attributions.find()) {
                    actors.add(attributions.group(1));
                }
                return actors.containsAll(guards);
            }, "each guard's scan attributed to her on the ledger");
        }
    }

    /** The HTTP status of an answer: a JSON array (a listing) is only ever sent with 200. */
    private static int status(final JsonNode answer) {
        return answer.isArray() ? 200 : answer.path("_status").asInt();
    }

    /**
     * The services call each other with their own clients' tokens (client credentials); each token opens only its own
     * service's door, and HTTP Basic, the way they used to call, opens none.
     */
    @org.junit.jupiter.api.Nested
    class BetweenServices {
        private static final String CONTACT =
                "/internal/v1/guardians/guardian-unknown-to-everyone?requestId=request-unknown-0001";
        private static final String VERIFICATION = "/internal/v1/phone-verifications/pv_unknown";

        @Test
        void the_notifiers_token_reads_guardian_contacts_and_the_gateways_does_not() throws Exception {
            final String notifier = system.serviceToken("guardian-notify", "OIDC_NOTIFY_SECRET");
            final String gateway = system.serviceToken("gateway", "OIDC_GATEWAY_SECRET");
            final JsonNode taken = system.enrollmentWith("GET", CONTACT, notifier, null);
            assertThat(taken.path("_status").asInt()).as(taken.toString()).isEqualTo(404);
            assertThat(taken.path("code").asText()).isEqualTo("NOT_FOUND");
            assertThat(system.enrollmentWith("GET", CONTACT, gateway, null).path("_status").asInt()).isEqualTo(403);
        }

        @Test
        void the_gateways_token_identifies_and_the_notifiers_does_not() throws Exception {
            final String gateway = system.serviceToken("gateway", "OIDC_GATEWAY_SECRET");
            final String notifier = system.serviceToken("guardian-notify", "OIDC_NOTIFY_SECRET");
            // No images: a taken token reaches the check of the request, which refuses it as bad input.
            final JsonNode taken = system.enrollmentWith("POST", "/internal/v1/identify", gateway, Map.of());
            assertThat(taken.path("_status").asInt()).as(taken.toString()).isIn(400, 422);
            assertThat(system.enrollmentWith("POST", "/internal/v1/identify", notifier, Map.of()).path("_status")
                    .asInt()).isEqualTo(403);
        }

        @Test
        void enrollments_token_reaches_guardian_notifys_internal_api_and_the_gateways_does_not() throws Exception {
            final JsonNode taken = system.notifyWith("GET", VERIFICATION,
                    system.serviceToken("enrollment", "OIDC_ENROLLMENT_SECRET"), null);
            assertThat(taken.path("_status").asInt()).as(taken.toString()).isIn(400, 404);
            // The gateway's token is meant for enrollment alone: guardian-notify does not take it at all.
            assertThat(system.notifyWith("GET", VERIFICATION, system.serviceToken("gateway", "OIDC_GATEWAY_SECRET"),
                    null).path("_status").asInt()).isEqualTo(401);
        }

        @Test
        void http_basic_is_refused_by_every_service() throws Exception {
            for (String user : List.of("notifier", "gateway")) {
                assertThat(system.enrollmentWith("GET", CONTACT, basic(user), null).path("_status").asInt())
                        .as("enrollment, Basic as %s", user).isEqualTo(401);
            }
            assertThat(system.notifyWith("GET", VERIFICATION, basic("enrollment-service"), null).path("_status")
                    .asInt()).isEqualTo(401);
            assertThat(system.notifyWith("POST", "/analyst/api/alerts/" + "0".repeat(64) + "/acknowledgement",
                    basic("analyst"), Map.of("resolution", "CHILD_SAFE")).path("_status").asInt()).isEqualTo(401);
        }

        /** HTTP Basic with the demo password, which any embedded user left behind would most likely have had. */
        private String basic(final String user) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + system.demoPassword())
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A real token of a demo person with one claim's text replaced, its signature left as it was. */
    private static String forged(final String user, final String claim, final String replacement) throws Exception {
        final String real = system.login().authorization(user, system.demoPassword());
        final String[] parts = real.substring("Bearer ".length()).split("\\.");
        final String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(claim, replacement);
        return "Bearer " + parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /**
     * A token from another realm of the same Keycloak, created once: a real token of a person with the same user name
     * and role ({@code officer} or {@code analyst}), signed by that realm's key and naming that realm as its issuer.
     */
    private static synchronized String foreignToken(final String user) throws Exception {
        final String realm = "elsewhere";
        if (!otherRealm) {
            system.keycloak("POST", "/admin/realms", admin, Map.of("realm", realm, "enabled", true,
                    "roles", Map.of("realm", List.of(Map.of("name", "officer"), Map.of("name", "analyst"))),
                    "clients", List.of(Map.of("clientId", DemoLogin.CLIENT, "publicClient", true,
                            "directAccessGrantsEnabled", true, "standardFlowEnabled", false)),
                    "users", List.of(otherRealmUser("officer"), otherRealmUser("analyst"))));
            otherRealm = true;
        }
        return DemoLogin.at(system.url("keycloak") + "/realms/" + realm).authorization(user, system.demoPassword());
    }

    private static Map<String, Object> otherRealmUser(final String user) {
        return Map.of("username", user, "enabled", true, "emailVerified", true,
                "firstName", "Other", "lastName", "Person", "email", user + "@elsewhere.invalid",
                "realmRoles", List.of(user),
                "credentials", List.of(Map.of("type", "password", "value", system.demoPassword(),
                        "temporary", false)));
    }

    /**
     * A demo person's token from a client of the same realm whose access tokens live two seconds, meant for both
     * services (created once).
     */
    private static synchronized String shortLivedToken(final String user) throws Exception {
        final String client = "short-lived-tokens";
        if (!shortLivedClient) {
            system.keycloak("POST", "/admin/realms/safepassage/clients", admin, Map.of("clientId", client,
                    "publicClient", true, "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                    "attributes", Map.of("access.token.lifespan", "2"),
                    "protocolMappers", List.of(audienceMapper("enrollment"), audienceMapper("guardian-notify"))));
            shortLivedClient = true;
        }
        return passwordGrant("safepassage", client, user);
    }

    /**
     * A demo person's token from a public client of the same realm whose tokens name {@code audience} alone (or no
     * service, when null): a real, unexpired token of the realm, created once per audience.
     */
    private static synchronized String audienceToken(final String audience, final String user) throws Exception {
        final String client = "tokens-for-" + (audience == null ? "no-service" : audience);
        if (audienceClients.add(client)) {
            system.keycloak("POST", "/admin/realms/safepassage/clients", admin, Map.of("clientId", client,
                    "publicClient", true, "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                    "protocolMappers", audience == null ? List.of() : List.of(audienceMapper(audience))));
        }
        return passwordGrant("safepassage", client, user);
    }

    /** Keycloak's audience mapper, as the realm's clients have it: {@code aud} names the client {@code audience}. */
    private static Map<String, Object> audienceMapper(final String audience) {
        return Map.of("name", "audience " + audience, "protocol", "openid-connect",
                "protocolMapper", "oidc-audience-mapper", "config", Map.of("included.client.audience", audience,
                        "id.token.claim", "false", "access.token.claim", "true"));
    }

    private static String passwordGrant(final String realm, final String client, final String user) throws Exception {
        final String form = "grant_type=password&client_id=" + client + "&username=" + user + "&password="
                + URLEncoder.encode(system.demoPassword(), StandardCharsets.UTF_8);
        final HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(system.url("keycloak") + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return "Bearer " + RunningSystem.JSON.readTree(response.body()).path("access_token").asText();
    }

    private static String adminToken() throws Exception {
        final String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode(system.secrets().get("KEYCLOAK_ADMIN_PASSWORD"), StandardCharsets.UTF_8);
        final HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(system.url("keycloak") + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return "Bearer " + RunningSystem.JSON.readTree(response.body()).path("access_token").asText();
    }
}
