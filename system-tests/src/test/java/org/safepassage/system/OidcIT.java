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
 * People log in at the identity provider (Keycloak, as {@code ./run} starts it), and enrollment takes only tokens
 * its own realm issued, unexpired, to a person whose role allows the call. Each refused token is a real one signed
 * by a Keycloak key, so the refusal is the service's check and not a malformed request.
 */
class OidcIT {
    private static RunningSystem system;
    private static String admin;

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
        final String real = system.login().authorization("officer", system.demoPassword());
        final String[] parts = real.substring("Bearer ".length()).split("\\.");
        final String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"officer\"", "\"supervisor\"");
        final String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(system.enrollmentWith("GET", "/api/v1/referrals", "Bearer " + forged, null)
                .path("_status").asInt()).isEqualTo(401);
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
        // Another realm of the same Keycloak: a real token with the officer role and the same user name, signed by
        // that realm's key and naming that realm as its issuer.
        final String realm = "elsewhere";
        system.keycloak("POST", "/admin/realms", admin, Map.of("realm", realm, "enabled", true,
                "roles", Map.of("realm", List.of(Map.of("name", "officer"))),
                "clients", List.of(Map.of("clientId", DemoLogin.CLIENT, "publicClient", true,
                        "directAccessGrantsEnabled", true, "standardFlowEnabled", false)),
                "users", List.of(Map.of("username", "officer", "enabled", true, "emailVerified", true,
                        "firstName", "Other", "lastName", "Officer", "email", "officer@elsewhere.invalid",
                        "realmRoles", List.of("officer"),
                        "credentials", List.of(Map.of("type", "password", "value", system.demoPassword(),
                                "temporary", false))))));
        final String foreign = DemoLogin.at(system.url("keycloak") + "/realms/" + realm)
                .authorization("officer", system.demoPassword());
        assertThat(system.enrollmentWith("GET", "/api/v1/subjects", foreign, null).path("_status").asInt())
                .isEqualTo(401);
    }

    @Test
    void an_expired_token_is_refused() throws Exception {
        // A client of the same realm whose access tokens live two seconds: the officer's token works, then expires.
        final String client = "short-lived-tokens";
        system.keycloak("POST", "/admin/realms/safepassage/clients", admin, Map.of("clientId", client,
                "publicClient", true, "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                "attributes", Map.of("access.token.lifespan", "2")));
        final String token = passwordGrant("safepassage", client, "officer");
        assertThat(status(system.enrollmentWith("GET", "/api/v1/subjects", token, null))).isEqualTo(200);
        Thread.sleep(Duration.ofSeconds(4).toMillis());
        assertThat(system.enrollmentWith("GET", "/api/v1/subjects", token, null).path("_status").asInt())
                .isEqualTo(401);
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
            subjectOf.put(subject(officer), enrolled.path("subjectId").asText());
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

    /** The HTTP status of an answer: a JSON array (a listing) is only ever sent with 200. */
    private static int status(final JsonNode answer) {
        return answer.isArray() ? 200 : answer.path("_status").asInt();
    }

    /** The IdP's subject of a demo person, from the access token it issues her. */
    private static String subject(final String user) throws Exception {
        final String token = system.login().authorization(user, system.demoPassword()).substring("Bearer ".length());
        return RunningSystem.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).path("sub").asText();
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
