package org.safepassage.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safepassage.enrollment.biometrics.iris.TestEyes;

/**
 * Issue 17's acceptance, across every process: an officer enrolls a 4-year-old with irises only, a guard's scan by
 * iris identifies the child, iris-fc-v1 re-derives the ledger's commitment from the live capture and the vault's
 * helper data, and the guardian flow proceeds to the recorded crossing. The steps shared with {@link CrossingFlowIT}
 * are {@link CrossingSteps}.
 */
class IrisCrossingIT {
    private static final int LEFT_EYE = 401;
    private static final int RIGHT_EYE = 402;

    private static RunningSystem system;
    private static CrossingSteps steps;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.shared();
        steps = new CrossingSteps(system);
    }

    @Test
    void a_four_year_old_enrolled_by_irises_is_identified_by_iris_at_the_border_and_the_guardian_approves()
            throws Exception {
        final String phone = "+40755000401";
        final JsonNode enrolled = system.enrollment("POST", "/api/v1/subjects", "officer", Map.of(
                "requestId", "system-test-iris-0001",
                "person", Map.of("givenNames", "Irina", "familyName", "Irisova",
                        "birthDate", LocalDate.now().minusYears(4).minusDays(20).toString(), "sex", "FEMALE"),
                "guardians", List.of(steps.verifiedGuardian("Mother Irisova", "mother", phone)),
                "approvalQuorum", 1,
                "consent", CrossingSteps.consentBy("Mother Irisova"),
                "irises", List.of(Map.of("eye", "LEFT", "image", TestEyes.base64Png(LEFT_EYE, 0)),
                        Map.of("eye", "RIGHT", "image", TestEyes.base64Png(RIGHT_EYE, 0)))));
        assertThat(enrolled.path("_status").asInt()).as(enrolled.toString()).isEqualTo(201);
        assertThat(enrolled.path("fingers").size()).isZero();
        final String subjectId = enrolled.path("subjectId").asText();
        steps.awaitRegistered(subjectId);
        final JsonNode onLedger = system.enrollment("GET", "/api/v1/subjects/" + subjectId + "/ledger", "officer", null);
        assertThat(onLedger.path("scheme").asText()).isEqualTo("iris-fc-v1");
        assertThat(onLedger.path("additionalCommitments").path(0).path("scheme").asText()).isEqualTo("iris-fc-v1");

        // What enrollment tells the gateway about a live capture of the left eye: matched by iris, and iris-fc-v1
        // re-derived the ledger's commitment from this capture and the helper data.
        final JsonNode identified = system.enrollment("POST", "/internal/v1/identify", "gateway",
                Map.of("irisImages", List.of(TestEyes.base64Png(LEFT_EYE, 7))));
        assertThat(identified.path("outcome").asText()).as(identified.toString()).isEqualTo("MATCH");
        assertThat(identified.path("subjectId").asText()).isEqualTo(subjectId);
        assertThat(identified.path("integrity").asText()).isEqualTo("VERIFIED");
        assertThat(identified.path("matchedBy").toString()).contains("IRIS");

        // The guard scans the child's eye leaving the country: the guardian is asked.
        final HttpClient guard = system.terminal("guard");
        final JsonNode scan = system.gateway(guard, "POST", "/api/v1/scans",
                Map.of("irisImages", List.of(TestEyes.base64Png(LEFT_EYE, 8)), "direction", "EXIT"));
        assertThat(scan.path("decision").asText()).as(scan.toString()).isEqualTo("GUARDIAN_APPROVAL_NEEDED");
        assertThat(scan.path("subjectId").asText()).isEqualTo(subjectId);
        final String requestId = scan.path("requestId").asText();

        final String sms = steps.answer(phone, "APPROVE");
        assertThat(sms).doesNotContain("Irina").doesNotContain("Irisova").doesNotContain(subjectId);
        Await.until(() -> "APPROVED".equals(system.gateway(guard, "GET", "/api/v1/requests/" + requestId, null)
                .path("status").asText()), "the request approved");

        steps.recordCrossing(guard, requestId, "ALLOWED");
        final JsonNode request = system.gateway(guard, "GET", "/api/v1/requests/" + requestId, null);
        assertThat(request.path("crossingId").asText()).isNotBlank();
    }
}
