package org.safepassage.gateway.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.safepassage.gateway.support.TestLedger.enrolled;
import static org.safepassage.gateway.support.TestLedger.id;
import static org.safepassage.gateway.support.TestLedger.image;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safepassage.gateway.support.Api;
import org.safepassage.gateway.support.GatewayTestEnvironment;
import org.safepassage.gateway.support.People;
import org.safepassage.gateway.support.Terminals;
import org.safepassage.gateway.support.TestLedger;

/** A terminal's certificate is not enough: the person at it logs in too, and the ledger names her. */
@QuarkusTest
@QuarkusTestResource(GatewayTestEnvironment.class)
class PersonLoginTest {
    @TestHTTPResource(value = "/", tls = true)
    URL base;

    private Map<String, Object> scanOf(final String finger) {
        return Map.of("images", List.of(finger), "direction", "EXIT");
    }

    @Nested
    class WithoutThePerson {
        @Test
        void refuses_a_scan_with_the_terminal_certificate_alone() {
            final int before = GatewayTestEnvironment.identifyCalls();

            final Api.Answer answer = new Api(base, Terminals.guard()).post("/api/v1/scans", scanOf(image(id("alone"))));

            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.body().path("code").asText()).isEqualTo("PERSON_LOGIN_REQUIRED");
            assertThat(GatewayTestEnvironment.identifyCalls()).isEqualTo(before);
        }

        @Test
        void refuses_a_crossing_and_a_request_read_with_the_certificate_alone() {
            final Api terminal = new Api(base, Terminals.guard());

            assertThat(terminal.post("/api/v1/crossings", Map.of("subjectId", id("s"), "direction", "EXIT",
                    "outcome", "ALLOWED")).status()).isEqualTo(401);
            assertThat(terminal.get("/api/v1/requests/" + id("r")).body().path("code").asText())
                    .isEqualTo("PERSON_LOGIN_REQUIRED");
        }

        @Test
        void refuses_an_expired_token() {
            final String expired = "Bearer " + People.sign(People.GUARD, People.ISSUER, -5, "guard");

            final Api.Answer answer = new Api(base, Terminals.guard(), expired).get("/api/v1/terminal");

            assertThat(answer.status()).isEqualTo(401);
        }

        @Test
        void refuses_a_token_from_another_realm() {
            final String foreign = "Bearer " + People.sign(People.GUARD, "https://idp.test/realms/elsewhere", 5,
                    "guard");

            assertThat(new Api(base, Terminals.guard(), foreign).get("/api/v1/terminal").status()).isEqualTo(401);
        }

        @Test
        void refuses_a_guards_token_meant_for_another_service() {
            final String forEnrollment = "Bearer " + People.sign(People.GUARD, People.ISSUER, "enrollment", 5,
                    "guard");
            final String forGateway = "Bearer " + People.sign(People.GUARD, People.ISSUER, "gateway", 5, "guard");

            assertThat(new Api(base, Terminals.guard(), forEnrollment).get("/api/v1/terminal").status())
                    .isEqualTo(401);
            assertThat(new Api(base, Terminals.guard(), forGateway).get("/api/v1/terminal").status()).isEqualTo(200);
        }

        @Test
        void forbids_a_person_without_a_border_role() {
            final String officer = People.token(UUID.randomUUID().toString(), "officer");

            final Api.Answer answer = new Api(base, Terminals.guard(), officer).post("/api/v1/scans",
                    scanOf(image(id("officer"))));

            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.body().path("code").asText()).isEqualTo("PERSON_ROLE_REQUIRED");
        }
    }

    @Nested
    class Override {
        private String request() {
            final String finger = image(id("child"));
            enrolled(finger, TestLedger.minor(id("guardian")), "VERIFIED");
            final Api.Answer scan = new Api(base, Terminals.guard(), People.guard()).post("/api/v1/scans",
                    scanOf(finger));
            assertThat(scan.body().path("decision").asText()).isEqualTo("GUARDIAN_APPROVAL_NEEDED");
            return scan.body().path("requestId").asText();
        }

        @Test
        void is_refused_to_a_guard_logged_in_at_a_supervisors_terminal() {
            final Api.Answer answer = new Api(base, Terminals.supervisor(), People.guard()).post(
                    "/api/v1/requests/" + request() + "/override", Map.of("reasonCode", "MEDICAL_EMERGENCY"));

            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.body().path("code").asText()).isEqualTo("SUPERVISOR_LOGIN_REQUIRED");
        }

        @Test
        void is_refused_to_a_supervisor_logged_in_at_a_guards_terminal() {
            final Api.Answer answer = new Api(base, Terminals.guard(), People.supervisor()).post(
                    "/api/v1/requests/" + request() + "/override", Map.of("reasonCode", "MEDICAL_EMERGENCY"));

            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.body().path("code").asText()).isEqualTo("FORBIDDEN");
        }

        @Test
        void is_recorded_for_the_supervisor_logged_in_at_a_supervisors_terminal() throws IOException {
            final Api.Answer answer = new Api(base, Terminals.supervisor(), People.supervisor()).post(
                    "/api/v1/requests/" + request() + "/override", Map.of("reasonCode", "MEDICAL_EMERGENCY"));

            assertThat(answer.status()).isEqualTo(200);
            // The devpeer writes a block to its file once the block is cut, shortly after the commit.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    actors("crossing:RecordCrossing", "BorderMSP/post-md-leuseni-supervisor"))
                    .contains(People.SUPERVISOR));
        }
    }

    @Test
    void the_ledger_names_a_distinct_person_for_each_guards_scan_at_one_terminal() throws IOException {
        for (String person : List.of(People.guard(), People.guard2())) {
            final String finger = image(id("attributed"));
            enrolled(finger, TestLedger.survivor(), "VERIFIED");
            final Api.Answer scan = new Api(base, Terminals.guard(), person).post("/api/v1/scans", scanOf(finger));
            assertThat(scan.body().path("decision").asText()).as(scan.body().toString()).isEqualTo("CLEAR");
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            final List<String> actors = actors("crossing:RecordScan", "BorderMSP/post-md-leuseni-01");
            assertThat(actors).contains(People.GUARD, People.GUARD2);
            assertThat(actors).noneMatch(actor -> actor.startsWith("person-") || actor.contains("@"));
        });
    }

    /** The actors the ledger's attributions name for one transaction signed by one terminal's ledger identity. */
    private static List<String> actors(final String transaction, final String signer) throws IOException {
        final String chain = new String(Files.readAllBytes(GatewayTestEnvironment.WORK.resolve("ledger/blocks.log")),
                StandardCharsets.ISO_8859_1);
        final Matcher attributions = Pattern.compile("\\{\"actor\":\"([^\"]+)\",\"at\":[^,]+,\"by\":\"([^\"]+)\","
                + "\"transaction\":\"" + Pattern.quote(transaction) + "\",\"txId\":\"([0-9a-f]+)\"\\}").matcher(chain);
        final List<String> actors = new ArrayList<>();
        while (attributions.find()) {
            if (attributions.group(2).equals(signer)) {
                actors.add(attributions.group(1));
            }
        }
        return actors;
    }
}
