package org.safepassage.enrollment.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.safepassage.enrollment.support.Api.as;
import static org.safepassage.enrollment.support.Api.child;
import static org.safepassage.enrollment.support.Api.guardian;
import static org.safepassage.enrollment.support.Api.newRequestId;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safepassage.enrollment.support.EnrollmentTestEnvironment;

/** The ledger outbox never jams: bad input is refused before anything is written. */
@QuarkusTest
@QuarkusTestResource(EnrollmentTestEnvironment.class)
class OutboxTest {
    private static final List<String> TABLES =
            List.of("subject", "subject_key", "guardian", "biometric", "ledger_outbox");

    @Test
    void more_guardians_than_the_ledger_accepts_are_refused_before_anything_is_written() throws Exception {
        final List<Map<String, Object>> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(guardian("Guard Six " + i, "+4075500000" + i));
        }
        final Map<String, Integer> before = counts();
        as("officer").body(child(newRequestId(), "Six Guardians", 31, six)).post("/api/v1/subjects").then()
                .statusCode(400).body("code", is("INVALID_FIELD")).body("details.field", is("guardians"));
        assertThat(counts()).isEqualTo(before);

        // Nothing is left behind to hold up the next enrollment.
        as("officer").body(child(newRequestId(), "After Six", 39, List.of(guardian("Guard After", "+40755000010"))))
                .post("/api/v1/subjects").then().statusCode(201).body("ledgerState", is("REGISTERED"));
    }

    private static Map<String, Integer> counts() throws Exception {
        final Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection db = EnrollmentTestEnvironment.database().getConnection(); Statement s = db.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rows = s.executeQuery("select count(*) from " + table)) {
                    rows.next();
                    counts.put(table, rows.getInt(1));
                }
            }
        }
        return counts;
    }
}
