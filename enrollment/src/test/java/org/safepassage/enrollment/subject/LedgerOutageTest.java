package org.safepassage.enrollment.subject;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.safepassage.enrollment.support.Api.as;
import static org.safepassage.enrollment.support.Api.child;
import static org.safepassage.enrollment.support.Api.guardian;
import static org.safepassage.enrollment.support.Api.newRequestId;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safepassage.enrollment.support.EnrollmentTestEnvironment;

/** A ledger that dies between the vault commit and the registration: the outbox finishes the job. */
@QuarkusTest
@QuarkusTestResource(EnrollmentTestEnvironment.class)
class LedgerOutageTest {
    @Test
    void an_enrollment_during_a_ledger_outage_is_registered_when_the_ledger_returns() throws Exception {
        final List<Map<String, Object>> guardians = List.of(guardian("Guard Outage", "+40744000001"));
        EnrollmentTestEnvironment.killDevpeer();
        final String subjectId;
        try {
            subjectId = as("officer").body(child(newRequestId(), "Outage Child", 30, guardians))
                    .post("/api/v1/subjects").then().statusCode(201)
                    .body("ledgerState", is("PENDING")).extract().path("subjectId");
            // Pending subjects still count for deduplication: the same child cannot be enrolled twice meanwhile.
            as("officer").body(child(newRequestId(), "Outage Twin", 30, List.of(guardian("Guard Twin",
                    "+40744000002")))).post("/api/v1/subjects").then().statusCode(409)
                    .body("code", is("DUPLICATE_REFERRED"));
            as("officer").post("/api/v1/subjects/" + subjectId + "/missing").then().statusCode(409)
                    .body("code", is("LEDGER_PENDING"));
        } finally {
            EnrollmentTestEnvironment.restartDevpeer();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> "REGISTERED".equals(as("officer")
                .get("/api/v1/subjects/" + subjectId).then().statusCode(200).extract().path("ledgerState")));
        as("officer").get("/api/v1/subjects/" + subjectId + "/ledger").then().statusCode(200)
                .body("subjectId", is(subjectId)).body("status", is("ACTIVE"));
    }
}
