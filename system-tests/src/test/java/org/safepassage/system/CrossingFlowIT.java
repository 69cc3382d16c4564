package org.safepassage.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safepassage.enrollment.biometrics.TestImages;

/**
 * The moment the system exists for, end to end across every process: an officer enrolls a child with three
 * guardians and a 2-of-3 rule (each phone verified by SMS), a guard scans the child, two guardians get the SMS through
 * twilio-java and answer with signed replies, the guard's live stream turns APPROVED, and the crossing is recorded.
 * Then the data-protection officer erases the child, and the SMS trail goes with the vault. The steps shared with
 * {@link IrisCrossingIT} are {@link CrossingSteps}.
 */
class CrossingFlowIT {
    private static RunningSystem system;
    private static CrossingSteps steps;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.shared();
        steps = new CrossingSteps(system);
    }

    @Test
    void two_of_three_guardians_approve_by_sms_and_the_crossing_is_recorded_allowed() throws Exception {
        final List<String> phones = List.of("+40755000001", "+40755000002", "+40755000003");
        final List<Map<String, Object>> guardians = new ArrayList<>();
        for (int i = 0; i < phones.size(); i++) {
            guardians.add(steps.verifiedGuardian("Guardian " + i, i == 0 ? "mother" : "relative", phones.get(i)));
        }
        final JsonNode enrolled = system.enrollment("POST", "/api/v1/subjects", "officer", Map.of(
                "requestId", "system-test-0001",
                "person", Map.of("givenNames", "Systema", "familyName", "Testova",
                        "birthDate", LocalDate.now().minusYears(8).toString(), "sex", "FEMALE"),
                "guardians", guardians,
                "approvalQuorum", 2,
                "consent", CrossingSteps.consentBy("Guardian 0"),
                "fingerprints", List.of(Map.of("finger", "RIGHT_INDEX", "image", image(0)))));
        assertThat(enrolled.path("_status").asInt()).as(enrolled.toString()).isEqualTo(201);
        final String subjectId = enrolled.path("subjectId").asText();
        steps.awaitRegistered(subjectId);

        // The guard scans the child leaving the country: guardian approval is needed.
        final HttpClient guard = system.terminal("guard");
        final JsonNode scan = system.gateway(guard, "POST", "/api/v1/scans",
                Map.of("images", List.of(image(1)), "direction", "EXIT"));
        assertThat(scan.path("decision").asText()).as(scan.toString()).isEqualTo("GUARDIAN_APPROVAL_NEEDED");
        assertThat(scan.path("subjectId").asText()).isEqualTo(subjectId);
        final String requestId = scan.path("requestId").asText();

        // The guard scans again while the guardians are being asked: the same request comes back, and no new codes
        // go out (counted below, once the guardians' confirmations prove the notifier has read past this point).
        final JsonNode again = system.gateway(guard, "POST", "/api/v1/scans",
                Map.of("images", List.of(image(3)), "direction", "EXIT"));
        assertThat(again.path("decision").asText()).as(again.toString()).isEqualTo("GUARDIAN_APPROVAL_NEEDED");
        assertThat(again.path("requestId").asText()).isEqualTo(requestId);

        // The guard's screen follows the request live.
        final List<String> stream = new CopyOnWriteArrayList<>();
        guard.sendAsync(HttpRequest.newBuilder(system.gateway("/api/v1/requests/" + requestId + "/events"))
                        .header("Accept", "text/event-stream").header("Authorization", system.personAt(guard)).build(),
                        HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(stream::add));

        // Every guardian gets one SMS; the first two approve with their codes, replying from their own phones.
        for (String phone : phones.subList(0, 2)) {
            final String sms = steps.answer(phone, "APPROVE");
            assertThat(sms).doesNotContain("Systema").doesNotContain("Testova").doesNotContain(subjectId);
        }
        steps.awaitSms(phones.get(2), "APPROVE");
        // The confirmations follow the decisions, which the ledger ordered after the rescan: by the time they arrive,
        // a second request's texts would have gone out too.
        for (String phone : phones.subList(0, 2)) {
            steps.awaitSms(phone, "was recorded");
        }
        for (String phone : phones) {
            assertThat(steps.textsContaining(phone, "To approve reply")).as("crossing texts to " + phone).isEqualTo(1);
        }

        Await.until(() -> stream.stream().anyMatch(line -> line.contains("\"APPROVED\"")), "the stream shows APPROVED: "
                + stream);
        steps.recordCrossing(guard, requestId, "ALLOWED");

        // The ledger shows the request with both decisions and the crossing that used it.
        final JsonNode request = system.gateway(guard, "GET", "/api/v1/requests/" + requestId, null);
        assertThat(request.path("status").asText()).isEqualTo("APPROVED");
        assertThat(request.path("approvals").asInt()).isEqualTo(2);
        assertThat(request.path("crossingId").asText()).isNotBlank();

        // The family asks for erasure: the vault, the ledger link and the SMS trail (here and at Twilio) go.
        final JsonNode erased = system.enrollment("POST", "/api/v1/erasures", "dpo",
                Map.of("subjectId", subjectId, "requestRef", "system-test-erasure-0001"));
        assertThat(erased.path("state").asText()).as(erased.toString()).isEqualTo("COMPLETE");
        for (String phone : phones) {
            Await.until(() -> steps.noMessageContaining(phone, "APPROVE"), "the crossing SMS to " + phone + " erased");
        }
        final JsonNode rescan = system.gateway(guard, "POST", "/api/v1/scans",
                Map.of("images", List.of(image(2)), "direction", "ENTRY"));
        assertThat(rescan.path("decision").asText()).as(rescan.toString()).isEqualTo("NOT_ENROLLED");
    }

    private static String image(final int impression) {
        return Base64.getEncoder().encodeToString(TestImages.png(301, impression));
    }
}
