package org.safepassage.enrollment.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.safepassage.enrollment.support.Api.as;
import static org.safepassage.enrollment.support.Api.child;
import static org.safepassage.enrollment.support.Api.guardian;
import static org.safepassage.enrollment.support.Api.infant;
import static org.safepassage.enrollment.support.Api.newRequestId;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safepassage.enrollment.biometrics.iris.TestEyes;
import org.safepassage.enrollment.support.EnrollmentTestEnvironment;

/** Enrollment by iris (issue 17): the default by age, the quality gate's reasons, the ledger, deduplication. */
@QuarkusTest
@QuarkusTestResource(EnrollmentTestEnvironment.class)
class IrisEnrollmentTest {

    @Test
    void a_four_year_old_is_enrolled_by_irises_only_and_the_ledger_names_each_scheme_and_nothing_biometric()
            throws Exception {
        final String name = "Matei-Iristest";
        final Map<String, Object> request = infant(newRequestId(), name, 4, Map.of("LEFT", 101, "RIGHT", 102),
                List.of(guardian("Elena Iristest", "+40711001001")));
        final String subjectId = as("officer").body(request).post("/api/v1/subjects").then().statusCode(201)
                .body("ledgerState", is("REGISTERED"))
                .body("fingers", hasSize(0))
                .body("irises", contains("LEFT", "RIGHT"))
                .extract().path("subjectId");

        // One iris-fc-v1 commitment per eye, each naming its scheme.
        final JsonPath ledger = as("officer").get("/api/v1/subjects/" + subjectId + "/ledger").then().statusCode(200)
                .body("scheme", is("iris-fc-v1"))
                .body("commitment", matchesPattern("[0-9a-f]{64}"))
                .body("additionalCommitments", hasSize(1))
                .body("additionalCommitments[0].scheme", is("iris-fc-v1"))
                .extract().jsonPath();
        assertThat(ledger.getString("additionalCommitments[0].commitment")).isNotEqualTo(ledger.getString("commitment"));

        // The block scan: no name, and no window of the iris codes or helper data in any encoding.
        final JsonPath export = as("supervisor").get("/api/v1/subjects/" + subjectId + "/export").then()
                .statusCode(200).body("irises.LEFT.helperData", matchesPattern("[A-Za-z0-9+/=]{600,}"))
                .extract().jsonPath();
        final String chain = new String(Files.readAllBytes(
                EnrollmentTestEnvironment.ledgerDirectory().resolve("blocks.log")), StandardCharsets.ISO_8859_1);
        assertThat(chain).contains(subjectId).doesNotContain(name).doesNotContain("Balti");
        for (final String eye : List.of("LEFT", "RIGHT")) {
            for (final String part : List.of("code", "helperData")) {
                final byte[] stored = Base64.getDecoder().decode(export.getString("irises." + eye + "." + part));
                for (final byte[] window : windows(stored)) {
                    assertThat(chain).as("%s %s on the ledger", eye, part)
                            .doesNotContain(new String(window, StandardCharsets.ISO_8859_1))
                            .doesNotContain(HexFormat.of().formatHex(window))
                            .doesNotContain(Base64.getEncoder().encodeToString(window).substring(0, 20));
                }
            }
        }
        final byte[] liveCode = IrisGalleryBytes.of(TestEyes.code(101, 0));
        assertThat(chain).doesNotContain(HexFormat.of().formatHex(Arrays.copyOfRange(liveCode, 100, 124)));
    }

    @Test
    void the_default_by_age_and_the_quality_gate_answer_with_reasons() {
        // Under 6: an iris is required.
        final Map<String, Object> noEyes = infant(newRequestId(), "Noeyes Iristest", 3, Map.of(),
                List.of(guardian("G Noeyes", "+40711001101")));
        as("officer").body(noEyes).post("/api/v1/subjects").then().statusCode(422)
                .body("code", is("BIOMETRICS_REQUIRED")).body("details.required", is("IRIS"))
                .body("details.irisOnlyBelowAge", is(6));
        // From 6: a finger is required; irises alone are not enough.
        final Map<String, Object> older = infant(newRequestId(), "Older Iristest", 9, Map.of("LEFT", 111),
                List.of(guardian("G Older", "+40711001102")));
        as("officer").body(older).post("/api/v1/subjects").then().statusCode(422)
                .body("code", is("BIOMETRICS_REQUIRED")).body("details.required", is("FINGERPRINT"));
        // A defocused eye: the gate's own reason.
        final Map<String, Object> blurred = infant(newRequestId(), "Blur Iristest", 4, Map.of(),
                List.of(guardian("G Blur", "+40711001103")));
        blurred.put("irises", List.of(Map.of("eye", "RIGHT", "image", TestEyes.base64Blurred(112, 0))));
        as("officer").body(blurred).post("/api/v1/subjects").then().statusCode(422)
                .body("code", is("IRIS_REJECTED")).body("details.eye", is("RIGHT"))
                .body("details.rejection", is("OUT_OF_FOCUS"));
        // The officer's screen checks each eye before sending: measurements for a good one, the reason for a bad one.
        as("officer").body(Map.of("eye", "LEFT", "image", TestEyes.base64Png(114, 0)))
                .post("/api/v1/iris-checks").then().statusCode(200)
                .body("eye", is("LEFT")).body("quality.irisDiameter", org.hamcrest.Matchers.greaterThan(150f))
                .body("quality.usableIrisArea", org.hamcrest.Matchers.greaterThan(0.6f));
        as("officer").body(Map.of("eye", "RIGHT", "image", TestEyes.base64Blurred(114, 1)))
                .post("/api/v1/iris-checks").then().statusCode(422)
                .body("code", is("IRIS_REJECTED")).body("details.rejection", is("OUT_OF_FOCUS"));
        as("gateway").body(Map.of("eye", "LEFT", "image", TestEyes.base64Png(114, 0)))
                .post("/api/v1/iris-checks").then().statusCode(403);
        // One image per eye; an unknown eye is a 400.
        final Map<String, Object> twice = infant(newRequestId(), "Twice Iristest", 4, Map.of(),
                List.of(guardian("G Twice", "+40711001104")));
        twice.put("irises", List.of(Map.of("eye", "LEFT", "image", TestEyes.base64Png(113, 0)),
                Map.of("eye", "LEFT", "image", TestEyes.base64Png(113, 1))));
        as("officer").body(twice).post("/api/v1/subjects").then().statusCode(400)
                .body("code", is("INVALID_FIELD")).body("details.field", is("irises"));
    }

    @Test
    void the_same_eye_under_another_name_is_a_duplicate_referral() {
        final String subjectId = as("officer")
                .body(infant(newRequestId(), "First Dupiris", 4, Map.of("LEFT", 121),
                        List.of(guardian("G Dupiris", "+40711001201"))))
                .post("/api/v1/subjects").then().statusCode(201).extract().path("subjectId");

        // Another capture of the same eye, now given as the right eye of a child with another name and guardian.
        final Map<String, Object> again = infant(newRequestId(), "Other Dupiris", 5, Map.of(),
                List.of(guardian("Trafficker Dupiris", "+40711001299")));
        again.put("irises", List.of(Map.of("eye", "RIGHT", "image", TestEyes.base64Png(121, 3))));
        final String referralId = as("officer").body(again).post("/api/v1/subjects").then().statusCode(409)
                .body("code", is("DUPLICATE_REFERRED")).body("details.modality", is("IRIS"))
                .extract().path("details.referralId");
        as("supervisor").get("/api/v1/referrals/" + referralId).then().statusCode(200)
                .body("candidateSubjectId", is(subjectId)).body("modality", is("IRIS"));

        // An older child with fingers and the same eye: the iris is searched as well as the finger.
        final Map<String, Object> both = child(newRequestId(), "Both Dupiris", 131,
                List.of(guardian("G Both", "+40711001202")));
        both.put("irises", List.of(Map.of("eye", "LEFT", "image", TestEyes.base64Png(121, 4))));
        as("officer").body(both).post("/api/v1/subjects").then().statusCode(409)
                .body("code", is("DUPLICATE_REFERRED")).body("details.modality", is("IRIS"));
    }

    @Test
    void fingers_and_an_iris_register_fp_v1_with_iris_fc_v1_beside_it() {
        final Map<String, Object> both = child(newRequestId(), "Fused Iristest", 141,
                List.of(guardian("G Fused", "+40711001401")));
        both.put("irises", List.of(Map.of("eye", "RIGHT", "image", TestEyes.base64Png(141, 0))));
        final String subjectId = as("officer").body(both).post("/api/v1/subjects").then().statusCode(201)
                .body("fingers", contains("RIGHT_INDEX")).body("irises", contains("RIGHT"))
                .extract().path("subjectId");
        as("officer").get("/api/v1/subjects/" + subjectId + "/ledger").then().statusCode(200)
                .body("scheme", is("fp-v1"))
                .body("additionalCommitments.scheme", contains("iris-fc-v1"));
    }

    @Test
    void a_live_iris_identifies_the_child_and_altered_helper_data_is_an_integrity_alert() throws Exception {
        final String subjectId = as("officer")
                .body(infant(newRequestId(), "Scan Iristest", 4, Map.of("LEFT", 161, "RIGHT", 162),
                        List.of(guardian("G Scan", "+40711001601"))))
                .post("/api/v1/subjects").then().statusCode(201).extract().path("subjectId");

        // 1:N by either eye, and 1:1 against the named subject: iris-fc-v1 re-derives the ledger's commitment.
        for (final int eye : List.of(161, 162)) {
            as("gateway").body(org.safepassage.enrollment.support.Api.irisScan(eye, 5)).post("/internal/v1/identify")
                    .then().statusCode(200)
                    .body("outcome", is("MATCH")).body("subjectId", is(subjectId))
                    .body("integrity", is("VERIFIED")).body("matchedBy", contains("IRIS"))
                    .body("protectionClass", is("MINOR"));
        }
        as("gateway").body(Map.of("irisImages", List.of(TestEyes.base64Png(161, 6)), "subjectId", subjectId))
                .post("/internal/v1/identify").then().statusCode(200)
                .body("outcome", is("MATCH")).body("integrity", is("VERIFIED"));
        as("gateway").body(org.safepassage.enrollment.support.Api.irisScan(169, 1)).post("/internal/v1/identify")
                .then().statusCode(200).body("outcome", is("NO_MATCH"));
        as("gateway").body(Map.of("irisImages", List.of(TestEyes.base64Blurred(161, 7))))
                .post("/internal/v1/identify").then().statusCode(422)
                .body("code", is("IRIS_REJECTED")).body("details.rejection", is("OUT_OF_FOCUS"));

        // Someone with database access alters the helper data of both eyes: an integrity alert, never a match.
        try (java.sql.Connection db = EnrollmentTestEnvironment.database().getConnection();
                java.sql.PreparedStatement alter = db.prepareStatement("update iris set helper = "
                        + "overlay(helper placing decode('00ff00ff', 'hex') from 60 for 4) where subject_id = ?")) {
            alter.setString(1, subjectId);
            assertThat(alter.executeUpdate()).isEqualTo(2);
        }
        as("gateway").body(org.safepassage.enrollment.support.Api.irisScan(161, 5)).post("/internal/v1/identify")
                .then().statusCode(200)
                .body("outcome", is("MATCH")).body("subjectId", is(subjectId))
                .body("integrity", is("MISMATCH"));
    }

    /**
     * The 24-byte windows of {@code bytes} at a stride of 24 that carry information: masked runs (all zeros, all ones)
     * are left out, since any binary file has those.
     */
    private static List<byte[]> windows(final byte[] bytes) {
        final List<byte[]> windows = new ArrayList<>();
        for (int i = 1; i + 24 <= bytes.length; i += 24) {
            final byte[] window = Arrays.copyOfRange(bytes, i, i + 24);
            final long distinct = java.util.stream.IntStream.range(0, window.length).map(k -> window[k]).distinct()
                    .count();
            if (distinct >= 8) {
                windows.add(window);
            }
        }
        assertThat(windows).as("informative windows").hasSizeGreaterThan(5);
        return windows;
    }

    /** The stored form of a code, as the gallery encodes it. */
    private static final class IrisGalleryBytes {
        static byte[] of(final org.safepassage.enrollment.biometrics.iris.IrisCode code) {
            return org.safepassage.enrollment.gallery.IrisGallery.encode(code);
        }
    }

}
