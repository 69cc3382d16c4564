package org.safepassage.gateway.crossing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.gateway.support.TestLedger.enrolled;
import static org.safepassage.gateway.support.TestLedger.id;
import static org.safepassage.gateway.support.TestLedger.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.gateway.support.Api;
import org.safepassage.gateway.support.People;
import org.safepassage.gateway.support.GatewayTestEnvironment;
import org.safepassage.gateway.support.Terminals;
import org.safepassage.gateway.support.TestLedger;

@QuarkusTest
@QuarkusTestResource(GatewayTestEnvironment.class)
class ClearedCrossingTest {
    @TestHTTPResource(value = "/", tls = true)
    URL base;

    Api guard;

    @BeforeEach
    void connect() {
        guard = new Api(base, Terminals.guard(), People.guard());
    }

    private JsonNode scan(final Subject subject, final String direction) {
        final String finger = image(id("cleared"));
        enrolled(finger, subject, "VERIFIED");
        return guard.post("/api/v1/scans", Map.of("images", List.of(finger), "direction", direction)).body();
    }

    private static Map<String, Object> crossing(final JsonNode scan, final String direction) {
        final Map<String, Object> body = new HashMap<>();
        body.put("subjectId", scan.path("subjectId").asText());
        body.put("direction", direction);
        body.put("outcome", "ALLOWED");
        if (scan.has("tripId")) {
            body.put("tripId", scan.path("tripId").asText());
        }
        return body;
    }

    @Test
    void records_a_person_who_needs_no_consent_as_not_required() {
        final JsonNode scan = scan(TestLedger.survivor(), "ENTRY");

        final Api.Answer answer = guard.post("/api/v1/crossings", crossing(scan, "ENTRY"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("basis").asText()).isEqualTo("NOT_REQUIRED");
        assertThat(answer.body().path("post").asText()).isEqualTo("MD-LEUSENI");
    }

    @Test
    void records_a_minor_on_the_preauthorised_trip() {
        final String guardian = id("guardian");
        final Subject minor = TestLedger.minor(guardian);
        TestLedger.trip(minor, guardian, "MD-LEUSENI", Direction.EXIT);
        final JsonNode scan = scan(minor, "EXIT");

        final Api.Answer answer = guard.post("/api/v1/crossings", crossing(scan, "EXIT"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("basis").asText()).isEqualTo("PREAUTHORISED");
    }

    @Test
    void leaves_the_ledger_to_refuse_a_minor_without_a_basis() {
        final Subject minor = TestLedger.minor(id("guardian"));

        final Api.Answer answer = guard.post("/api/v1/crossings",
                Map.of("subjectId", minor.subjectId(), "direction", "EXIT", "outcome", "ALLOWED"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().path("code").asText()).isEqualTo("APPROVAL_REQUIRED");
    }

    @Test
    void rejects_a_crossing_without_a_subject() {
        final Api.Answer answer = guard.post("/api/v1/crossings", Map.of("direction", "EXIT", "outcome", "ALLOWED"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("details").path("field").asText()).isEqualTo("subjectId");
    }
}
