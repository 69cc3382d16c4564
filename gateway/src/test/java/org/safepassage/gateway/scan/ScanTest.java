package org.safepassage.gateway.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.gateway.support.TestLedger.enrolled;
import static org.safepassage.gateway.support.TestLedger.id;
import static org.safepassage.gateway.support.TestLedger.image;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.PreAuthorisedTrip;
import org.safepassage.chaincode.model.RequestStatus;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.gateway.support.Api;
import org.safepassage.gateway.support.People;
import org.safepassage.gateway.support.GatewayTestEnvironment;
import org.safepassage.gateway.support.Terminals;
import org.safepassage.gateway.support.TestLedger;

@QuarkusTest
@QuarkusTestResource(GatewayTestEnvironment.class)
class ScanTest {
    @TestHTTPResource(value = "/", tls = true)
    URL base;

    Api guard;

    @BeforeEach
    void connect() {
        guard = new Api(base, Terminals.guard(), People.guard());
    }

    static Map<String, Object> scan(final String image, final String direction) {
        return Map.of("images", List.of(image), "direction", direction);
    }

    @Nested
    class Decisions {
        @Test
        void clears_a_person_who_needs_no_guardian() {
            final Subject survivor = TestLedger.survivor();
            final String finger = image(id("survivor"));
            enrolled(finger, survivor, "VERIFIED");

            final Api.Answer answer = guard.post("/api/v1/scans", scan(finger, "EXIT"));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().path("decision").asText()).isEqualTo("CLEAR");
            assertThat(answer.body().path("reason").asText()).isEqualTo("NOT_PROTECTED");
            assertThat(answer.body().path("subjectId").asText()).isEqualTo(survivor.subjectId());
            assertThat(answer.body().has("requestId")).isFalse();
        }

        @Test
        void clears_a_minor_with_a_preauthorised_trip_without_opening_a_request() {
            final String guardian = id("guardian");
            final Subject minor = TestLedger.minor(guardian);
            final PreAuthorisedTrip trip = TestLedger.trip(minor, guardian, "MD-LEUSENI", Direction.EXIT);
            final String finger = image(id("tripper"));
            enrolled(finger, minor, "VERIFIED");

            final Api.Answer answer = guard.post("/api/v1/scans", scan(finger, "EXIT"));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().path("decision").asText()).isEqualTo("CLEAR");
            assertThat(answer.body().path("reason").asText()).isEqualTo("PREAUTHORISED_TRIP");
            assertThat(answer.body().path("tripId").asText()).isEqualTo(trip.tripId());
            assertThat(answer.body().has("requestId")).isFalse();
        }

        @Test
        void asks_the_guardians_when_the_trip_does_not_cover_the_direction() {
            final String guardian = id("guardian");
            final Subject minor = TestLedger.minor(guardian);
            TestLedger.trip(minor, guardian, "MD-LEUSENI", Direction.ENTRY);
            final String finger = image(id("wrongway"));
            enrolled(finger, minor, "VERIFIED");

            final Api.Answer answer = guard.post("/api/v1/scans", scan(finger, "EXIT"));

            assertThat(answer.body().path("decision").asText()).isEqualTo("GUARDIAN_APPROVAL_NEEDED");
        }

        @Test
        void opens_a_crossing_request_on_the_ledger_for_a_minor_without_authorisation() {
            final Subject minor = TestLedger.minor(id("guardian"));
            final String finger = image(id("minor"));
            enrolled(finger, minor, "VERIFIED");

            final Api.Answer answer = guard.post("/api/v1/scans", scan(finger, "EXIT"));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().path("decision").asText()).isEqualTo("GUARDIAN_APPROVAL_NEEDED");
            final String requestId = answer.body().path("requestId").asText();
            final CrossingRequest onLedger = TestLedger.guard().crossings().readRequest(requestId);
            assertThat(onLedger.status()).isEqualTo(RequestStatus.PENDING);
            assertThat(onLedger.subjectId()).isEqualTo(minor.subjectId());
            assertThat(onLedger.post()).isEqualTo("MD-LEUSENI");
            assertThat(onLedger.direction()).isEqualTo(Direction.EXIT);
            assertThat(onLedger.expiresAt()).isEqualTo(answer.body().path("expiresAt").asText());
        }

        @Test
        void raises_an_alert_for_a_child_flagged_missing() {
            final Subject minor = TestLedger.minor(id("guardian"));
            TestLedger.officer().subjects().flagMissing(minor.subjectId());
            final String finger = image(id("missing"));
            enrolled(finger, minor, "VERIFIED");

            final Api.Answer answer = guard.post("/api/v1/scans", scan(finger, "EXIT"));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().path("decision").asText()).isEqualTo("ALERT");
            assertThat(answer.body().path("reason").asText()).isEqualTo("FLAGGED_MISSING");
        }

        @Test
        void raises_an_alert_when_the_off_chain_record_was_tampered_with() {
            final Subject survivor = TestLedger.survivor();
            final String finger = image(id("tampered"));
            enrolled(finger, survivor, "MISMATCH");

            final Api.Answer answer = guard.post("/api/v1/scans", scan(finger, "ENTRY"));

            assertThat(answer.body().path("decision").asText()).isEqualTo("ALERT");
            assertThat(answer.body().path("reason").asText()).isEqualTo("INTEGRITY_MISMATCH");
        }

        @Test
        void reports_an_unknown_person_as_not_enrolled() {
            final Api.Answer answer = guard.post("/api/v1/scans", scan(image(id("stranger")), "ENTRY"));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().path("decision").asText()).isEqualTo("NOT_ENROLLED");
            assertThat(answer.body().has("subjectId")).isFalse();
        }

        @Test
        void reports_a_match_the_ledger_does_not_know_as_not_enrolled() {
            final String finger = image(id("pending"));
            GatewayTestEnvironment.answer(finger, new GatewayTestEnvironment.Answer(200,
                    "{\"outcome\":\"MATCH\",\"subjectId\":\"" + id("unregistered")
                            + "\",\"integrity\":\"NOT_ON_LEDGER\"}"));

            final Api.Answer answer = guard.post("/api/v1/scans", scan(finger, "ENTRY"));

            assertThat(answer.body().path("decision").asText()).isEqualTo("NOT_ENROLLED");
            assertThat(answer.body().path("reason").asText()).isEqualTo("NOT_ON_LEDGER");
        }
    }

    @Nested
    class Rescans {
        @Test
        void a_rescan_at_the_same_post_while_pending_returns_the_same_request() {
            final Subject minor = TestLedger.minor(id("guardian"));
            final String finger = image(id("rescanned"));
            enrolled(finger, minor, "VERIFIED");

            final Api.Answer first = guard.post("/api/v1/scans", scan(finger, "EXIT"));
            final Api.Answer again = guard.post("/api/v1/scans", scan(finger, "EXIT"));

            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body().path("decision").asText()).isEqualTo("GUARDIAN_APPROVAL_NEEDED");
            assertThat(again.body().path("reason").asText()).isEqualTo("APPROVAL_REQUIRED");
            // A request id is the id of the transaction that opened it: the same id means nothing new was opened.
            assertThat(again.body().path("requestId").asText()).isEqualTo(first.body().path("requestId").asText());
            assertThat(again.body().path("expiresAt").asText()).isEqualTo(first.body().path("expiresAt").asText());
        }

        @Test
        void a_scan_at_another_post_while_pending_is_an_alert_and_the_first_request_stands() {
            final Subject minor = TestLedger.minor(id("guardian"));
            final String finger = image(id("postshopper"));
            enrolled(finger, minor, "VERIFIED");
            final String requestId = guard.post("/api/v1/scans", scan(finger, "EXIT")).body().path("requestId")
                    .asText();

            final Api.Answer elsewhere = new Api(base, Terminals.client("BorderMSP", "guard-sculeni"), People.guard2())
                    .post("/api/v1/scans", scan(finger, "EXIT"));

            assertThat(elsewhere.status()).isEqualTo(200);
            assertThat(elsewhere.body().path("decision").asText()).isEqualTo("ALERT");
            assertThat(elsewhere.body().path("reason").asText()).isEqualTo("REQUEST_PENDING_ELSEWHERE");
            assertThat(elsewhere.body().has("requestId")).isFalse();
            assertThat(TestLedger.guard().crossings().readRequest(requestId).status())
                    .isEqualTo(RequestStatus.PENDING);
        }

        @Test
        void a_scan_with_another_companion_while_pending_is_an_alert() {
            final Subject minor = TestLedger.minor(id("guardian"));
            final String finger = image(id("swapped"));
            enrolled(finger, minor, "VERIFIED");
            guard.post("/api/v1/scans", scan(finger, "EXIT"));

            final Api.Answer swapped = guard.post("/api/v1/scans", Map.of("images", List.of(finger), "direction",
                    "EXIT", "companion", Map.of("documentType", "PASSPORT", "documentNumber", "QQ1234567",
                            "nationality", "MDA")));

            assertThat(swapped.body().path("decision").asText()).isEqualTo("ALERT");
            assertThat(swapped.body().path("reason").asText()).isEqualTo("REQUEST_PENDING_ELSEWHERE");
        }

        @Test
        void a_scan_after_the_pending_request_closed_opens_a_new_one() throws Exception {
            final String guardian = id("guardian");
            final Subject minor = TestLedger.minor(guardian);
            final String finger = image(id("returning"));
            enrolled(finger, minor, "VERIFIED");
            final String first = guard.post("/api/v1/scans", scan(finger, "EXIT")).body().path("requestId").asText();
            final Api.Events events = guard.events("/api/v1/requests/" + first + "/events");
            TestLedger.decide(first, guardian, org.safepassage.chaincode.model.Decision.REFUSE);
            // The gateway has taken the refusal in once its live stream shows it.
            events.awaitStatus("REFUSED", java.time.Duration.ofSeconds(30));

            final Api.Answer again = guard.post("/api/v1/scans", scan(finger, "EXIT"));

            assertThat(again.body().path("decision").asText()).isEqualTo("GUARDIAN_APPROVAL_NEEDED");
            assertThat(again.body().path("requestId").asText()).isNotEqualTo(first);
        }
    }

    @Nested
    class Companions {
        @Test
        void turns_the_companion_document_into_a_stable_opaque_reference() {
            final Subject survivor = TestLedger.survivor();
            final String finger = image(id("companion"));
            enrolled(finger, survivor, "VERIFIED");

            final Api.Answer first = guard.post("/api/v1/scans", Map.of("images", List.of(finger), "direction", "EXIT",
                    "companion", Map.of("documentType", "PASSPORT", "documentNumber", "AB 123-456",
                            "nationality", "MDA")));
            final Api.Answer second = guard.post("/api/v1/scans", Map.of("images", List.of(finger), "direction",
                    "EXIT", "companion", Map.of("documentType", "passport", "documentNumber", "ab123456",
                            "nationality", "mda")));
            final Api.Answer other = guard.post("/api/v1/scans", Map.of("images", List.of(finger), "direction",
                    "EXIT", "companion", Map.of("documentType", "PASSPORT", "documentNumber", "AB123457",
                            "nationality", "MDA")));

            final String reference = first.body().path("companionRef").asText();
            assertThat(reference).matches("[A-Za-z0-9][A-Za-z0-9_-]{15,63}");
            assertThat(second.body().path("companionRef").asText()).isEqualTo(reference);
            assertThat(other.body().path("companionRef").asText()).isNotEqualTo(reference);
            assertThat(first.body().toString()).doesNotContain("AB 123-456").doesNotContain("AB123456");
        }

        @Test
        void names_the_companion_on_the_request_by_reference_only() {
            final Subject minor = TestLedger.minor(id("guardian"));
            final String finger = image(id("accompanied"));
            enrolled(finger, minor, "VERIFIED");

            final Api.Answer answer = guard.post("/api/v1/scans", Map.of("images", List.of(finger), "direction",
                    "EXIT", "companion", Map.of("documentType", "ID_CARD", "documentNumber", "X9876543",
                            "nationality", "ROU")));

            final CrossingRequest onLedger =
                    TestLedger.guard().crossings().readRequest(answer.body().path("requestId").asText());
            assertThat(onLedger.companionRef()).isEqualTo(answer.body().path("companionRef").asText());
            assertThat(onLedger.toString()).doesNotContain("X9876543");
        }
    }

    @Nested
    class BadInput {
        @Test
        void rejects_a_scan_without_images() {
            final Api.Answer answer = guard.post("/api/v1/scans", Map.of("images", List.of(), "direction", "EXIT"));

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body().path("code").asText()).isEqualTo("INVALID_FIELD");
            assertThat(answer.body().path("details").path("field").asText()).isEqualTo("images");
        }

        @Test
        void rejects_an_image_that_is_not_base64() {
            final Api.Answer answer = guard.post("/api/v1/scans", scan("not base64 at all!", "EXIT"));

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body().path("details").path("field").asText()).isEqualTo("images[0]");
        }

        @Test
        void rejects_an_image_that_is_no_fingerprint_format() {
            final Api.Answer answer = guard.post("/api/v1/scans", scan("aGVsbG8gd29ybGQ=", "EXIT"));

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body().path("code").asText()).isEqualTo("UNSUPPORTED_IMAGE_FORMAT");
        }

        @Test
        void rejects_an_unknown_direction() {
            final Api.Answer answer = guard.post("/api/v1/scans", scan(image("x"), "SIDEWAYS"));

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body().path("details").path("field").asText()).isEqualTo("direction");
        }

        @Test
        void rejects_an_incomplete_companion_document_without_echoing_the_number() {
            final Api.Answer answer = guard.post("/api/v1/scans", Map.of("images", List.of(image("y")), "direction",
                    "EXIT", "companion", Map.of("documentType", "PASSPORT", "documentNumber", "ZZ4711")));

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body().path("details").path("field").asText()).isEqualTo("companion.nationality");
            assertThat(answer.body().toString()).doesNotContain("ZZ4711");
        }

        @Test
        void rejects_a_malformed_card_reference() {
            final Api.Answer answer = guard.post("/api/v1/scans", Map.of("images", List.of(image("z")), "direction",
                    "EXIT", "subjectReference", "short"));

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body().path("details").path("field").asText()).isEqualTo("subjectReference");
        }

        @Test
        void rejects_malformed_json() {
            final Api.Answer answer = guard.post("/api/v1/scans", "{\"images\": [");

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body().path("code").asText()).isEqualTo("MALFORMED_REQUEST");
        }

        @Test
        void rejects_a_wrongly_typed_field() {
            final Api.Answer answer = guard.post("/api/v1/scans", "{\"images\": \"one\", \"direction\": 7}");

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body().path("code").asText()).isEqualTo("MALFORMED_REQUEST");
        }

        @Test
        void passes_on_that_enrollments_gallery_is_still_loading_rather_than_a_no_match() {
            final String finger = image(id("loading"));
            GatewayTestEnvironment.answer(finger, new GatewayTestEnvironment.Answer(503,
                    "{\"code\":\"GALLERY_NOT_READY\",\"message\":\"the gallery is loading\","
                            + "\"details\":{\"state\":\"LOADING\",\"loaded\":10,\"total\":20}}"));

            final Api.Answer answer = guard.post("/api/v1/scans", scan(finger, "EXIT"));

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.body().path("code").asText()).isEqualTo("GALLERY_NOT_READY");
            assertThat(answer.body().path("details").path("state").asText()).isEqualTo("LOADING");
        }

        @Test
        void passes_on_that_enrollment_is_busy_with_other_scans_so_the_post_retries() {
            final String finger = image(id("busy"));
            GatewayTestEnvironment.answer(finger, new GatewayTestEnvironment.Answer(503,
                    "{\"code\":\"IDENTIFY_BUSY\",\"message\":\"identification is busy with other scans\","
                            + "\"details\":{\"retryAfterSeconds\":5}}"));

            final Api.Answer answer = guard.post("/api/v1/scans", scan(finger, "EXIT"));

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.body().path("code").asText()).isEqualTo("IDENTIFY_BUSY");
            assertThat(answer.body().path("details").path("retryAfterSeconds").asInt()).isEqualTo(5);
        }

        @Test
        void passes_on_enrollments_fingerprint_rejection() {
            final String finger = image(id("smudged"));
            GatewayTestEnvironment.answer(finger, new GatewayTestEnvironment.Answer(422,
                    "{\"code\":\"FINGERPRINT_REJECTED\",\"message\":\"too few minutiae\","
                            + "\"details\":{\"rejection\":\"TOO_FEW_MINUTIAE\"}}"));

            final Api.Answer answer = guard.post("/api/v1/scans", scan(finger, "EXIT"));

            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.body().path("code").asText()).isEqualTo("FINGERPRINT_REJECTED");
            assertThat(answer.body().path("details").path("rejection").asText()).isEqualTo("TOO_FEW_MINUTIAE");
        }
    }
}
