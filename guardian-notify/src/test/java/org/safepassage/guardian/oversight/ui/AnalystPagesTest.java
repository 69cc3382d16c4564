package org.safepassage.guardian.oversight.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.model.Alert;
import org.safepassage.chaincode.model.AlertResolution;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.guardian.crossing.CrossingEventConsumer;
import org.safepassage.guardian.crossing.CrossingTestEnvironment;
import org.safepassage.guardian.oversight.OversightLedger;
import org.safepassage.guardian.verification.TwilioStandInResource;

/** The analyst's screens: rendered for the analyst with the browser tests' ids, refused to everyone else. */
@QuarkusTest
@WithTestResource(value = CrossingTestEnvironment.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TwilioStandInResource.class, scope = TestResourceScope.GLOBAL)
class AnalystPagesTest {
    private static final String ANALYST_PASSWORD = "test-analyst-password";

    @Inject
    CrossingEventConsumer consumer;

    private static io.restassured.specification.RequestSpecification analyst() {
        return given().auth().preemptive().basic("analyst", ANALYST_PASSWORD);
    }

    @Nested
    class ForTheAnalyst {
        @Test
        void alerts_list_open_alerts_with_their_kind_and_the_search() {
            consumer.start();
            final String[] minor = OversightLedger.minor();
            final CrossingRequest request = OversightLedger.open(minor[0]);
            OversightLedger.refuse(request.requestId(), minor[1]);

            analyst().when().get("/analyst/")
                    .then().statusCode(200).contentType(containsString("text/html"))
                    .body(containsString("data-testid=\"subject-search\""))
                    .body(containsString("data-testid=\"subject-search-submit\""))
                    .body(containsString("data-testid=\"alert-row\" data-alert-kind=\"REFUSED_CROSSING\""))
                    .body(containsString("href=\"/analyst/subjects/" + minor[0] + "\""))
                    .body(containsString("/ui-kit/safepassage.css"));
        }

        @Test
        void a_red_flag_shows_its_rule_explanation_and_evidence_and_the_filters_select_it() {
            consumer.start();
            final String[] first = OversightLedger.minor();
            final String[] second = OversightLedger.minor();
            final CrossingRequest a = OversightLedger.open(first[0]);
            final CrossingRequest b = OversightLedger.open(second[0]);
            final Alert redFlag = OversightLedger.redFlag(a, b);

            analyst().when().get("/analyst/?rule=COMPANION_MANY_CHILDREN&post=" + OversightLedger.POST)
                    .then().statusCode(200)
                    .body(containsString("data-alert-id=\"" + redFlag.alertId() + "\""))
                    .body(containsString("data-rule=\"COMPANION_MANY_CHILDREN\""))
                    .body(containsString("different children within 30 days"))
                    .body(containsString("href=\"/analyst/subjects/" + first[0] + "#tx-" + a.requestId() + "\""))
                    .body(containsString("data-testid=\"filter-rule\""));
            analyst().when().get("/analyst/?rule=POST_SHOPPING")
                    .then().statusCode(200).body(not(containsString(redFlag.alertId())));
            analyst().when().get("/analyst/?from=2001-01-01&to=2001-01-02")
                    .then().statusCode(200).body(not(containsString(redFlag.alertId())));
            analyst().when().get("/analyst/?from=yesterday")
                    .then().statusCode(200).body(containsString("from: a date as YYYY-MM-DD"));
            // the red flag is on the timeline of each child its evidence names
            OversightLedger.await("the red flag on the first child's timeline", () -> analyst()
                    .get("/analyst/subjects/" + first[0]).asString().contains("alert RED_FLAG"));
            analyst().when().get("/analyst/subjects/" + first[0])
                    .then().statusCode(200).body(containsString("id=\"tx-" + a.requestId() + "\""));
        }

        @Test
        void a_subjects_timeline_shows_entries_and_the_ledger_state() {
            consumer.start();
            final String[] minor = OversightLedger.minor();
            OversightLedger.open(minor[0]);
            OversightLedger.await("the timeline", () -> analyst().get("/analyst/subjects/" + minor[0]).asString()
                    .contains("data-kind=\"REQUEST_OPENED\""));

            analyst().when().get("/analyst/subjects/{id}", minor[0])
                    .then().statusCode(200)
                    .body(containsString("data-testid=\"timeline-entry\" data-kind=\"SUBJECT_REGISTERED\""))
                    .body(containsString("data-testid=\"subject-status\" data-status=\"ACTIVE\""))
                    .body(containsString("1 of 1 guardians"));
        }

        @Test
        void an_erased_subject_says_erased() {
            final String[] minor = OversightLedger.minor();
            OversightLedger.erase(minor[0]);

            analyst().when().get("/analyst/subjects/{id}", minor[0])
                    .then().statusCode(200)
                    .body(containsString("data-status=\"ERASED\""))
                    .body(containsString("This subject was erased"));
        }

        @Test
        void an_unknown_subject_says_so_in_a_sentence() {
            analyst().when().get("/analyst/subjects/{id}", "subject-never-registered-00")
                    .then().statusCode(200)
                    .body(containsString("The ledger has no subject with this id."));
        }

        @Test
        void the_search_goes_to_the_timeline() {
            analyst().redirects().follow(false).when().get("/analyst/subjects?subjectId=subject-abc_0123456789")
                    .then().statusCode(303)
                    .header("Location", containsString("/analyst/subjects/subject-abc_0123456789"));
        }

        @Test
        void statistics_draw_three_charts_with_tables() {
            analyst().when().get("/analyst/statistics")
                    .then().statusCode(200)
                    .body(containsString("data-testid=\"chart-crossings-per-post\""))
                    .body(containsString("data-testid=\"chart-response-times\""))
                    .body(containsString("data-testid=\"chart-refusals-overrides\""))
                    .body(containsString("<svg"))
                    .body(containsString("<table class=\"sp-table\""));
        }

        @Test
        void acknowledging_an_alert_records_it_as_the_analyst_and_it_leaves_the_open_list() {
            consumer.start();
            final String[] minor = OversightLedger.minor();
            final CrossingRequest request = OversightLedger.open(minor[0]);
            OversightLedger.refuse(request.requestId(), minor[1]);
            final String alertId = OversightLedger.openAlertFor(request.requestId()).alertId();
            analyst().when().get("/analyst/").then().statusCode(200)
                    .body(containsString("data-alert-id=\"" + alertId + "\""))
                    .body(containsString("data-testid=\"acknowledge-alert\""));

            analyst().contentType("application/json").body("{\"resolution\":\"CASE_OPENED\"}")
                    .when().post("/analyst/api/alerts/{id}/acknowledgement", alertId)
                    .then().statusCode(200).body("resolution", is("CASE_OPENED"));

            final Alert acknowledged = OversightLedger.readAlert(alertId);
            assertThat(acknowledged.acknowledgement().resolution()).isEqualTo(AlertResolution.CASE_OPENED);
            assertThat(acknowledged.acknowledgement().acknowledgedBy()).contains("analyst");
            analyst().when().get("/analyst/").then().statusCode(200)
                    .body(not(containsString("data-alert-id=\"" + alertId + "\"")));
            // a second conclusion on the same alert is refused, in a sentence
            analyst().contentType("application/json").body("{\"resolution\":\"CHILD_SAFE\"}")
                    .when().post("/analyst/api/alerts/{id}/acknowledgement", alertId)
                    .then().statusCode(409).body("code", is("ALERT_ALREADY_ACKNOWLEDGED"));
        }

        @Test
        void an_acknowledgement_without_a_known_resolution_is_refused_and_records_nothing() {
            for (final String body : new String[] {"{}", "{\"resolution\":\"SOLVED\"}"}) {
                analyst().contentType("application/json").body(body)
                        .when().post("/analyst/api/alerts/{id}/acknowledgement", "0123456789abcdef0123")
                        .then().statusCode(400).body("code", is("INVALID_RESOLUTION"));
            }
            analyst().contentType("application/json").body("{\"resolution\":\"CHILD_SAFE\"}")
                    .when().post("/analyst/api/alerts/{id}/acknowledgement", "0123456789abcdef0123")
                    .then().statusCode(404).body("code", is("ALERT_NOT_FOUND"));
        }

        @Test
        void may_not_call_the_internal_api() {
            analyst().when().delete("/internal/v1/subjects/{id}/messages", "subject-abc_0123456789")
                    .then().statusCode(403);
            analyst().when().get("/internal/v1/phone-verifications/{id}", "whatever")
                    .then().statusCode(403);
        }
    }

    @Nested
    class ForOthers {
        @Test
        void the_enrollment_service_account_is_refused() {
            for (final String path : new String[] {"/analyst/", "/analyst/statistics",
                    "/analyst/subjects/subject-abc_0123456789"}) {
                given().auth().preemptive().basic("enrollment-service", "test-enrollment-password")
                        .when().get(path).then().statusCode(403);
            }
        }

        @Test
        void a_service_account_may_not_acknowledge_alerts() {
            given().auth().preemptive().basic("enrollment-service", "test-enrollment-password")
                    .contentType("application/json").body("{\"resolution\":\"CHILD_SAFE\"}")
                    .when().post("/analyst/api/alerts/{id}/acknowledgement", "0123456789abcdef0123")
                    .then().statusCode(403);
        }

        @Test
        void the_gateway_service_account_is_refused() {
            given().auth().preemptive().basic("gateway-service", "test-gateway-password")
                    .when().get("/analyst/").then().statusCode(403);
        }

        @Test
        void without_credentials_the_browser_is_asked_to_log_in() {
            // Without an IdP in this module's tests, a challenge for a token; the running system's screens send the
            // browser to the IdP's login page instead (OidcIT).
            given().when().get("/analyst/").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        }

        @Test
        void a_wrong_password_is_refused() {
            given().auth().preemptive().basic("analyst", "wrong").when().get("/analyst/").then().statusCode(401);
        }
    }
}
