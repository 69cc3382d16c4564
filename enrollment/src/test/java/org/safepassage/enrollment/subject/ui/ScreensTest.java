package org.safepassage.enrollment.subject.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.safepassage.enrollment.support.Api.as;
import static org.safepassage.enrollment.support.Api.child;
import static org.safepassage.enrollment.support.Api.guardian;
import static org.safepassage.enrollment.support.Api.newRequestId;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safepassage.enrollment.biometrics.iris.IrisQualityPolicy;
import org.safepassage.enrollment.subject.Modalities;
import org.safepassage.enrollment.support.EnrollmentTestEnvironment;

/** The screens under /ui/: each renders for its roles with the ids the browser tests use, and refuses the others. */
@QuarkusTest
@QuarkusTestResource(EnrollmentTestEnvironment.class)
class ScreensTest {
    private static final String PHONE = "+40722000441";
    private static String ilinca;
    private static String victor;
    private static String referralId;

    /** Enrolls two children and a duplicate once; RestAssured knows the test port only once a test runs. */
    @BeforeEach
    void enroll_two_children_and_a_duplicate() {
        if (ilinca != null) {
            return;
        }
        final Map<String, Object> first = child(newRequestId(), "Ilinca", 40, List.of(guardian("Maria Screenescu", PHONE)));
        first.put("person", Map.of("givenNames", "Ilinca", "familyName", "Screenescu",
                "birthDate", "2017-05-06", "sex", "FEMALE", "placeOfBirth", "Balti", "languages", List.of("ro")));
        ilinca = as("officer").body(first).post("/api/v1/subjects").then().statusCode(201).extract().path("subjectId");
        final Map<String, Object> second = child(newRequestId(), "Victor", 41,
                List.of(guardian("Ana Othername", "+40722000442")));
        victor = as("officer").body(second).post("/api/v1/subjects").then().statusCode(201).extract().path("subjectId");
        referralId = as("officer").body(child(newRequestId(), "Copy", 40, List.of(guardian("X Y", "+40722000443"))))
                .post("/api/v1/subjects").then().statusCode(409).extract().path("details.referralId");
    }

    private static io.restassured.specification.RequestSpecification page(final String user) {
        return given().auth().preemptive().basic(user, EnrollmentTestEnvironment.PASSWORD).redirects().follow(false);
    }

    @Nested
    class SubjectList {
        @Test
        void renders_for_every_role_with_the_search_and_rows() {
            for (String role : List.of("officer", "supervisor", "dpo")) {
                // Filtered, so the row is there however many subjects other test classes enrolled first.
                page(role).queryParam("q", "Screenescu").get("/ui/subjects").then().statusCode(200)
                        .contentType(containsString("text/html"))
                        .body(containsString("data-testid=\"subject-search\""))
                        .body(containsString("data-testid=\"subject-row\" data-subject-id=\"" + ilinca + "\""))
                        .body(containsString("href=\"/ui/subjects/" + ilinca + "\""))
                        .body(containsString("/ui-kit/safepassage.css"));
            }
        }

        @Test
        void filters_by_family_name_given_name_and_id() {
            final String byFamily = page("officer").queryParam("q", "screenescu").get("/ui/subjects").then()
                    .statusCode(200).extract().asString();
            assertThat(byFamily).contains("data-subject-id=\"" + ilinca + "\"").doesNotContain(victor);
            final String byGiven = page("officer").queryParam("q", "Victor").get("/ui/subjects").then()
                    .statusCode(200).extract().asString();
            assertThat(byGiven).contains("data-subject-id=\"" + victor + "\"").doesNotContain(ilinca);
            page("officer").queryParam("q", victor).get("/ui/subjects").then().statusCode(200)
                    .body(containsString("data-subject-id=\"" + victor + "\""), not(containsString(ilinca)));
        }

        @Test
        void the_live_search_answers_the_same_rows_as_json() {
            as("officer").queryParam("q", "ilinca scr").get("/ui/subjects/search").then().statusCode(200)
                    .body("size()", is(1))
                    .body("[0].subjectId", is(ilinca))
                    .body("[0].familyName", is("Screenescu"));
        }

        @Test
        void the_root_redirects_to_the_list_and_asks_strangers_to_sign_in() {
            page("officer").get("/ui/").then().statusCode(303).header("Location", endsWith("/ui/subjects"));
            given().redirects().follow(false).get("/ui/subjects").then().statusCode(401)
                    .header("WWW-Authenticate", containsString("Bearer"));
        }

        @Test
        void the_gateway_and_notifier_accounts_see_no_screen() {
            page("gateway").get("/ui/subjects").then().statusCode(403);
            page("notifier").get("/ui/subjects/" + ilinca).then().statusCode(403);
        }
    }

    @Nested
    class Enroll {
        @Test
        void renders_every_step_for_officers_and_supervisors() {
            for (String role : List.of("officer", "supervisor")) {
                final String html = page(role).get("/ui/enroll").then().statusCode(200).extract().asString();
                for (String id : List.of("given-name", "family-name", "birth-date", "sex", "place-of-birth",
                        "languages", "photo", "add-guardian", "quorum", "consent", "consent-consented-by",
                        "consent-legal-basis", "consent-consented-at", "fingerprints", "modality-fingers",
                        "modality-irises", "modality-both", "iris-left", "iris-right", "iris-check-left",
                        "iris-check-right", "next", "back", "submit-enrollment", "enrollment-result")) {
                    assertThat(html).as(role + " sees " + id).contains("data-testid=\"" + id + "\"");
                }
                assertThat(html).contains("type=\"date\" id=\"birth-date\"").contains("/ui/assets/enroll.js");
            }
        }

        @Test
        void gives_the_iris_step_the_age_rule_and_the_gates_limits_the_api_applies() {
            final String html = page("officer").get("/ui/enroll").then().statusCode(200).extract().asString();
            final IrisQualityPolicy gate = IrisQualityPolicy.defaults();

            assertThat(html).contains("data-iris-only-below-age=\"" + Modalities.IRIS_ONLY_BELOW_AGE + "\"")
                    .contains("data-max-iris-mb=\"" + gate.maxFileBytes() / (1024 * 1024) + "\"")
                    .contains("data-iris-min-diameter=\"" + gate.minIrisDiameter() + "\"")
                    .contains("data-iris-min-usable=\"" + gate.minUsableIrisArea() + "\"")
                    .contains("data-iris-min-focus=\"" + gate.minFocus() + "\"");
        }

        @Test
        void is_refused_to_the_dpo() {
            page("dpo").get("/ui/enroll").then().statusCode(403);
        }

        @Test
        void its_scripts_are_served_by_the_service() {
            for (String asset : List.of("/ui/assets/enroll.js", "/ui/assets/messages.js", "/ui/assets/subject.js",
                    "/ui/assets/subjects.js", "/ui/assets/referrals.js", "/ui/assets/enrollment.css",
                    "/ui-kit/safepassage.js", "/ui-kit/safepassage.css")) {
                given().get(asset).then().statusCode(200);
            }
        }
    }

    @Nested
    class Subject {
        @Test
        void shows_status_guardians_masked_and_the_officers_actions() {
            final String html = page("officer").get("/ui/subjects/" + ilinca).then().statusCode(200).extract().asString();
            assertThat(html).contains("data-testid=\"subject-status\"").contains(">ACTIVE<")
                    .contains("Screenescu, Ilinca").contains("MINOR").contains("REGISTERED")
                    .contains("Maria Screenescu").contains("•••••••••441").doesNotContain(PHONE)
                    .contains("data-testid=\"flag-missing\"")
                    .doesNotContain("data-testid=\"unflag-missing\"").doesNotContain("data-testid=\"export-subject\"")
                    .doesNotContain("data-testid=\"erase-subject\"");
        }

        @Test
        void lists_the_enrolled_fingers_and_no_eye_for_a_child_enrolled_by_finger() {
            final String html = page("officer").get("/ui/subjects/" + ilinca).then().statusCode(200).extract().asString();
            assertThat(html).contains("data-testid=\"subject-fingers\">RIGHT_INDEX")
                    .contains("data-testid=\"subject-eyes\">—<");
        }

        @Test
        void offers_the_supervisor_the_flag_and_the_export() {
            final String html = page("supervisor").get("/ui/subjects/" + ilinca).then().statusCode(200).extract()
                    .asString();
            assertThat(html).contains("data-testid=\"flag-missing\"").contains("data-testid=\"unflag-missing\"")
                    .contains("data-testid=\"export-subject\"").doesNotContain("data-testid=\"erase-subject\"");
        }

        @Test
        void offers_the_dpo_the_export_and_the_erasure_with_its_certificate() {
            final String html = page("dpo").get("/ui/subjects/" + ilinca).then().statusCode(200).extract().asString();
            assertThat(html).contains("data-testid=\"export-subject\"").contains("data-testid=\"erase-subject\"")
                    .contains("data-testid=\"erasure-request-ref\"").contains("data-testid=\"erasure-certificate\"")
                    .contains("data-testid=\"verify-certificate\"").contains("data-testid=\"certificate-verified\"")
                    .doesNotContain("data-testid=\"flag-missing\"");
        }

        @Test
        void shows_a_flagged_subject_as_flagged() {
            as("officer").post("/api/v1/subjects/" + victor + "/missing").then().statusCode(200);
            page("officer").get("/ui/subjects/" + victor).then().statusCode(200)
                    .body(containsString(">FLAGGED_MISSING<"));
            as("supervisor").delete("/api/v1/subjects/" + victor + "/missing").then().statusCode(200);
        }

        @Test
        void an_unknown_subject_is_a_page_saying_so() {
            page("officer").get("/ui/subjects/sub-nobody-here").then().statusCode(404)
                    .contentType(containsString("text/html"))
                    .body(containsString("data-testid=\"subject-not-found\""))
                    .body(not(containsString("download-erasure-record")));
            page("dpo").get("/ui/subjects/sub-nobody-here").then().statusCode(404)
                    .body(containsString("href=\"/api/v1/erasures/sub-nobody-here\""));
        }
    }

    @Nested
    class ReferralQueue {
        @Test
        void shows_the_supervisor_each_referral_beside_the_subject_it_matched() {
            final String html = page("supervisor").get("/ui/referrals").then().statusCode(200).extract().asString();
            assertThat(html).contains("data-testid=\"referral-row\" data-referral-id=\"" + referralId + "\"")
                    .contains("data-testid=\"resolve-referral\"")
                    .contains("href=\"/ui/subjects/" + ilinca + "\"")
                    // A finger matched: the score is SourceAFIS's, read against the fingerprint threshold.
                    .contains("data-testid=\"referral-modality\" data-modality=\"fingerprint\"")
                    .contains("the same finger by default");
        }

        @Test
        void is_refused_to_officers_and_the_dpo() {
            page("officer").get("/ui/referrals").then().statusCode(403);
            page("dpo").get("/ui/referrals").then().statusCode(403);
        }

        @Test
        void the_header_links_only_the_screens_a_role_may_open() {
            assertThat(page("officer").get("/ui/subjects").then().extract().asString())
                    .contains("data-testid=\"nav-enroll\"").doesNotContain("data-testid=\"nav-referrals\"")
                    .doesNotContain("data-testid=\"nav-audit\"");
            assertThat(page("supervisor").get("/ui/subjects").then().extract().asString())
                    .contains("data-testid=\"nav-referrals\"").doesNotContain("data-testid=\"nav-audit\"");
            assertThat(page("dpo").get("/ui/subjects").then().extract().asString())
                    .doesNotContain("data-testid=\"nav-enroll\"").contains("data-testid=\"user-name\">dpo")
                    .contains("data-testid=\"nav-audit\"");
        }
    }
}
