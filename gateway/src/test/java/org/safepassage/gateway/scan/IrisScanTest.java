package org.safepassage.gateway.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.gateway.support.TestLedger.enrolled;
import static org.safepassage.gateway.support.TestLedger.enrolledBy;
import static org.safepassage.gateway.support.TestLedger.id;
import static org.safepassage.gateway.support.TestLedger.image;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.gateway.support.Api;
import org.safepassage.gateway.support.People;
import org.safepassage.gateway.support.GatewayTestEnvironment;
import org.safepassage.gateway.support.Terminals;
import org.safepassage.gateway.support.TestLedger;

/** A scan by iris (issue 17): the images reach enrollment's identify, and its iris-fc-v1 verdicts decide. */
@QuarkusTest
@QuarkusTestResource(GatewayTestEnvironment.class)
class IrisScanTest {
    @TestHTTPResource(value = "/", tls = true)
    URL base;

    Api guard;

    @BeforeEach
    void connect() {
        guard = new Api(base, Terminals.guard(), People.guard());
    }

    private static Map<String, Object> irisScan(final String eye, final String direction) {
        return Map.of("irisImages", List.of(eye), "direction", direction);
    }

    @Test
    void a_scan_by_iris_alone_identifies_the_child_and_asks_the_guardians() {
        final Subject minor = TestLedger.minor(id("guardian"));
        final String eye = image(id("eye"));
        enrolledBy(eye, minor, "VERIFIED", "IRIS");

        final Api.Answer answer = guard.post("/api/v1/scans", irisScan(eye, "EXIT"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("decision").asText()).isEqualTo("GUARDIAN_APPROVAL_NEEDED");
        assertThat(answer.body().path("subjectId").asText()).isEqualTo(minor.subjectId());
        // The guard's screen says what recognised the child.
        assertThat(answer.body().path("matchedBy").toString()).isEqualTo("[\"IRIS\"]");
    }

    @Test
    void altered_helper_data_is_an_alert() {
        final Subject survivor = TestLedger.survivor();
        final String eye = image(id("tampered-eye"));
        enrolled(eye, survivor, "MISMATCH");

        final Api.Answer answer = guard.post("/api/v1/scans", irisScan(eye, "ENTRY"));

        assertThat(answer.body().path("decision").asText()).isEqualTo("ALERT");
        assertThat(answer.body().path("reason").asText()).isEqualTo("INTEGRITY_MISMATCH");
    }

    @Test
    void an_eye_that_released_no_key_is_scanned_again_and_nothing_is_recorded() {
        final Subject survivor = TestLedger.survivor();
        final String eye = image(id("noisy-eye"));
        enrolledBy(eye, survivor, "UNVERIFIED", "IRIS");

        final Api.Answer answer = guard.post("/api/v1/scans", irisScan(eye, "ENTRY"));

        assertThat(answer.body().path("decision").asText()).isEqualTo("NOT_ENROLLED");
        assertThat(answer.body().path("reason").asText()).isEqualTo("IRIS_NOT_VERIFIED");
        assertThat(answer.body().has("subjectId")).isFalse();
        assertThat(answer.body().has("matchedBy")).as("nobody was identified").isFalse();
    }

    @Test
    void refuses_more_than_two_iris_images_and_a_scan_with_nothing() {
        final String eye = image(id("eye"));
        final Api.Answer three = guard.post("/api/v1/scans",
                Map.of("irisImages", List.of(eye, eye, eye), "direction", "EXIT"));
        assertThat(three.status()).isEqualTo(400);
        assertThat(three.body().path("details").path("field").asText()).isEqualTo("irisImages");

        final Api.Answer none = guard.post("/api/v1/scans",
                Map.of("images", List.of(), "irisImages", List.of(), "direction", "EXIT"));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body().path("details").path("field").asText()).isEqualTo("images");
    }
}
