package org.safepassage.enrollment.identify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.safepassage.enrollment.support.Api.as;
import static org.safepassage.enrollment.support.Api.child;
import static org.safepassage.enrollment.support.Api.guardian;
import static org.safepassage.enrollment.support.Api.newRequestId;
import static org.safepassage.enrollment.support.Api.scan;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safepassage.enrollment.support.EnrollmentTestEnvironment;

/**
 * The service path with the candidate index on and a short list of one: identification and deduplication find a
 * subject only if the index ranks them first, so these pass only if enrollment feeds the index and searches use it.
 */
@QuarkusTest
@TestProfile(IndexedIdentificationTest.ShortListOfOne.class)
@QuarkusTestResource(EnrollmentTestEnvironment.class)
class IndexedIdentificationTest {

    public static final class ShortListOfOne implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("safepassage.biometrics.index.enabled", "true",
                    "safepassage.biometrics.index.min-shortlist", "1",
                    "safepassage.biometrics.index.penetration", "0.0001");
        }
    }

    @Test
    void identifies_and_deduplicates_through_a_short_list_of_one() {
        final List<String> subjects = new ArrayList<>();
        for (int finger = 61; finger <= 63; finger++) {
            subjects.add(as("officer").body(child(newRequestId(), "Indexed" + finger, finger,
                            List.of(guardian("Guardian Indexed" + finger, "+407110006" + finger))))
                    .post("/api/v1/subjects").then().statusCode(201).extract().path("subjectId"));
        }
        // Enrollment fed the index (what the readiness check reports is the index's own count).
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'gallery' }.data.fingerprints", greaterThanOrEqualTo(3));
        as("gateway").body(scan(62, 1)).post("/internal/v1/identify").then().statusCode(200)
                .body("outcome", is("MATCH")).body("subjectId", is(subjects.get(1)));
        as("gateway").body(scan(64, 1)).post("/internal/v1/identify").then().statusCode(200)
                .body("outcome", is("NO_MATCH"));
        // The same finger under other guardians: the index's one candidate is the enrolled child.
        as("officer").body(child(newRequestId(), "Other Indexed", 63, List.of(guardian("Someone", "+40711000699"))))
                .post("/api/v1/subjects").then().statusCode(409).body("code", is("DUPLICATE_REFERRED"));
    }
}
