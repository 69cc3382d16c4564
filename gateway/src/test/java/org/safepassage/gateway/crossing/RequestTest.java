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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.Decision;
import org.safepassage.chaincode.model.RequestStatus;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.gateway.support.Api;
import org.safepassage.gateway.support.People;
import org.safepassage.gateway.support.GatewayTestEnvironment;
import org.safepassage.gateway.support.Terminals;
import org.safepassage.gateway.support.TestLedger;

@QuarkusTest
@QuarkusTestResource(GatewayTestEnvironment.class)
class RequestTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource(value = "/", tls = true)
    URL base;

    Api guard;
    Api supervisor;
    String guardian;
    Subject minor;
    String requestId;

    @BeforeEach
    void openRequest() {
        guard = new Api(base, Terminals.guard(), People.guard());
        supervisor = new Api(base, Terminals.supervisor(), People.supervisor());
        guardian = id("guardian");
        minor = TestLedger.minor(guardian);
        final String finger = image(id("child"));
        enrolled(finger, minor, "VERIFIED");
        final Api.Answer scan = guard.post("/api/v1/scans", Map.of("images", List.of(finger), "direction", "EXIT"));
        assertThat(scan.body().path("decision").asText()).isEqualTo("GUARDIAN_APPROVAL_NEEDED");
        requestId = scan.body().path("requestId").asText();
    }

    @Nested
    class LiveStatus {
        @Test
        void streams_the_guardians_approval_from_the_ledger_events() throws Exception {
            final Api.Events events = guard.events("/api/v1/requests/" + requestId + "/events");
            final JsonNode first = events.next(WAIT);
            assertThat(first).isNotNull();
            assertThat(first.path("status").asText()).isEqualTo("PENDING");
            assertThat(first.path("requestId").asText()).isEqualTo(requestId);

            TestLedger.decide(requestId, guardian, Decision.APPROVE);

            final JsonNode approved = events.awaitStatus("APPROVED", WAIT);
            assertThat(approved.path("approvals").asInt()).isEqualTo(1);
            assertThat(events.done().get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
        }

        @Test
        void streams_a_refusal() throws Exception {
            final Api.Events events = guard.events("/api/v1/requests/" + requestId + "/events");
            assertThat(events.next(WAIT).path("status").asText()).isEqualTo("PENDING");

            TestLedger.decide(requestId, guardian, Decision.REFUSE);

            assertThat(events.awaitStatus("REFUSED", WAIT).path("refusals").asInt()).isEqualTo(1);
        }

        @Test
        void starts_with_the_current_state_of_a_settled_request_and_ends() throws Exception {
            TestLedger.decide(requestId, guardian, Decision.APPROVE);

            final Api.Events events = guard.events("/api/v1/requests/" + requestId + "/events");

            assertThat(events.awaitStatus("APPROVED", WAIT)).isNotNull();
            assertThat(events.done().get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
        }

        @Test
        void reads_the_current_state() {
            final Api.Answer answer = guard.get("/api/v1/requests/" + requestId);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().path("status").asText()).isEqualTo("PENDING");
            assertThat(answer.body().path("post").asText()).isEqualTo("MD-LEUSENI");
            assertThat(answer.body().path("approvalQuorum").asInt()).isEqualTo(1);
        }

        @Test
        void answers_404_for_an_unknown_request() {
            final Api.Answer answer = guard.get("/api/v1/requests/" + "0".repeat(64));

            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.body().path("code").asText()).isEqualTo("REQUEST_NOT_FOUND");
        }

        @Test
        void answers_400_for_a_malformed_request_id() {
            final Api.Answer answer = guard.get("/api/v1/requests/bad");

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body().path("code").asText()).isEqualTo("INVALID_FIELD");
        }
    }

    @Nested
    class Crossings {
        @Test
        void records_the_crossing_allowed_after_approval_once() throws Exception {
            final Api.Events events = guard.events("/api/v1/requests/" + requestId + "/events");
            TestLedger.decide(requestId, guardian, Decision.APPROVE);
            events.awaitStatus("APPROVED", WAIT);

            final Api.Answer crossing = guard.post("/api/v1/requests/" + requestId + "/crossing",
                    Map.of("outcome", "ALLOWED"));

            assertThat(crossing.status()).isEqualTo(200);
            assertThat(crossing.body().path("outcome").asText()).isEqualTo("ALLOWED");
            assertThat(crossing.body().path("basis").asText()).isEqualTo("APPROVAL");
            assertThat(crossing.body().path("recordedBy").asText()).isEqualTo("BorderMSP/post-md-leuseni-01");
            final CrossingRequest used = TestLedger.guard().crossings().readRequest(requestId);
            assertThat(used.crossingId()).isEqualTo(crossing.body().path("crossingId").asText());

            final Api.Answer again = guard.post("/api/v1/requests/" + requestId + "/crossing",
                    Map.of("outcome", "ALLOWED"));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.body().path("code").asText()).isEqualTo("REQUEST_ALREADY_USED");
        }

        @Test
        void refuses_to_allow_a_crossing_before_the_guardians_approved() {
            final Api.Answer crossing = guard.post("/api/v1/requests/" + requestId + "/crossing",
                    Map.of("outcome", "ALLOWED"));

            assertThat(crossing.status()).isEqualTo(422);
            assertThat(crossing.body().path("code").asText()).isEqualTo("APPROVAL_REQUIRED");
        }

        @Test
        void records_a_denial_and_withdraws_the_request() {
            final Api.Answer crossing = guard.post("/api/v1/requests/" + requestId + "/crossing",
                    Map.of("outcome", "DENIED"));

            assertThat(crossing.status()).isEqualTo(200);
            assertThat(crossing.body().path("outcome").asText()).isEqualTo("DENIED");
            assertThat(TestLedger.guard().crossings().readRequest(requestId).status())
                    .isEqualTo(RequestStatus.CANCELLED);
        }

        @Test
        void rejects_an_unknown_outcome() {
            final Api.Answer crossing = guard.post("/api/v1/requests/" + requestId + "/crossing",
                    Map.of("outcome", "MAYBE"));

            assertThat(crossing.status()).isEqualTo(400);
            assertThat(crossing.body().path("details").path("field").asText()).isEqualTo("outcome");
        }

        @Test
        void lets_a_supervisor_override_with_a_reason_code() throws Exception {
            final Api.Events events = guard.events("/api/v1/requests/" + requestId + "/events");

            final Api.Answer crossing = supervisor.post("/api/v1/requests/" + requestId + "/override",
                    Map.of("reasonCode", "MEDICAL_EMERGENCY"));

            assertThat(crossing.status()).isEqualTo(200);
            assertThat(crossing.body().path("basis").asText()).isEqualTo("SUPERVISED_OVERRIDE");
            assertThat(crossing.body().path("overrideReason").asText()).isEqualTo("MEDICAL_EMERGENCY");
            assertThat(crossing.body().path("recordedBy").asText()).isEqualTo("BorderMSP/post-md-leuseni-supervisor");
            assertThat(events.awaitStatus("CANCELLED", WAIT)).isNotNull();
        }

        @Test
        void refuses_an_override_by_a_guard() {
            final Api.Answer crossing = guard.post("/api/v1/requests/" + requestId + "/override",
                    Map.of("reasonCode", "MEDICAL_EMERGENCY"));

            assertThat(crossing.status()).isEqualTo(403);
            assertThat(crossing.body().path("code").asText()).isEqualTo("FORBIDDEN");
        }

        @Test
        void rejects_an_override_without_a_known_reason_code() {
            final Api.Answer crossing = supervisor.post("/api/v1/requests/" + requestId + "/override",
                    Map.of("reasonCode", "BECAUSE"));

            assertThat(crossing.status()).isEqualTo(400);
            assertThat(crossing.body().path("details").path("field").asText()).isEqualTo("reasonCode");
        }
    }
}
