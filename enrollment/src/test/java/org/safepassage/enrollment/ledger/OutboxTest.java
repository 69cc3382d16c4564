package org.safepassage.enrollment.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.safepassage.enrollment.support.Api.as;
import static org.safepassage.enrollment.support.Api.child;
import static org.safepassage.enrollment.support.Api.guardian;
import static org.safepassage.enrollment.support.Api.newRequestId;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safepassage.enrollment.support.EnrollmentTestEnvironment;
import org.safepassage.service.actor.ActingPerson;

/** The ledger outbox never jams: bad input is refused before anything is written, and poison is set aside. */
@QuarkusTest
@QuarkusTestResource(EnrollmentTestEnvironment.class)
class OutboxTest {
    private static final List<String> TABLES =
            List.of("subject", "subject_key", "guardian", "biometric", "ledger_outbox");
    private static final String PERSON = "5a0c7e21-9d4b-4f63-8e1a-2b3c4d5e6f70";

    @Inject
    LedgerOutbox outbox;

    @Inject
    ActingPerson acting;

    @Test
    void work_is_queued_for_the_actor_of_the_request_that_asked_for_it() throws Exception {
        final String subjectId = "sub-queued-actor-" + System.nanoTime();
        try {
            // No one logged in (no request at all): the work is enrollment's own.
            outbox.enqueue(subjectId, LedgerOutbox.Operation.ERASE_MESSAGES);
            assertThat(column(subjectId, "actor")).isEqualTo("service:enrollment");
            // Queued again in the work of a person (as in her request): the retry will write what her change left.
            acting.onBehalfOf(PERSON, () -> {
                outbox.enqueue(subjectId, LedgerOutbox.Operation.ERASE_MESSAGES);
                return null;
            });
            assertThat(column(subjectId, "actor")).isEqualTo(PERSON);
        } finally {
            outbox.done(subjectId, LedgerOutbox.Operation.ERASE_MESSAGES);
        }
    }

    @Test
    void a_retry_names_on_the_ledger_the_person_whose_change_it_carries_out() throws Exception {
        final String forPerson = enroll("Retried Person", 187, "+40755000030");
        final String forNoOne = enroll("Retried Noone", 188, "+40755000031");
        // Each subject's guardian change committed locally, the ledger not told: the outbox row is all that is left,
        // one queued in a person's request, one from before actors were kept.
        final List<String> personRefs = propose(forPerson, 1);
        final List<String> noOneRefs = propose(forNoOne, 1);
        queue(forPerson, "REPLACE_GUARDIANS", PERSON);
        queue(forNoOne, "REPLACE_GUARDIANS", null);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            as("officer").get("/api/v1/subjects/" + forPerson + "/ledger").then().statusCode(200)
                    .body("guardianRefs", is(personRefs));
            as("officer").get("/api/v1/subjects/" + forNoOne + "/ledger").then().statusCode(200)
                    .body("guardianRefs", is(noOneRefs));
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(replaceGuardiansActors())
                .contains(PERSON, "service:enrollment"));
    }

    /** The actors of every subject:ReplaceGuardians on the ledger, from the attribution records in its blocks. */
    private static List<String> replaceGuardiansActors() throws java.io.IOException {
        final String chain = new String(Files.readAllBytes(EnrollmentTestEnvironment.ledgerDirectory()
                .resolve("blocks.log")), StandardCharsets.ISO_8859_1);
        final java.util.regex.Matcher attribution = java.util.regex.Pattern.compile(
                "\\{\"actor\":\"([^\"]+)\",\"at\":[^,]+,\"by\":\"[^\"]+\","
                        + "\"transaction\":\"subject:ReplaceGuardians\"").matcher(chain);
        final List<String> actors = new ArrayList<>();
        while (attribution.find()) {
            actors.add(attribution.group(1));
        }
        return actors;
    }

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

    @Test
    void a_permanent_failure_is_set_aside_with_its_reason_and_holds_up_no_other_subject() throws Exception {
        final String poisoned = enroll("Poisoned Change", 43, "+40755000020");
        final String sound = enroll("Sound Change", 70, "+40755000021");
        // Forced in the database, as the old 6-guardian limit left it: a change the ledger's rules can never take,
        // queued ahead of another subject's sound change.
        propose(poisoned, 6);
        final List<String> soundRefs = propose(sound, 1);
        queue(poisoned, "REPLACE_GUARDIANS");
        queue(sound, "REPLACE_GUARDIANS");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("officer")
                .get("/api/v1/subjects/" + sound + "/ledger").then().statusCode(200)
                .body("guardianRefs", is(soundRefs)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(state(poisoned)).isEqualTo("DEAD"));

        as("supervisor").get("/api/v1/outbox").then().statusCode(200)
                .body("dead.subjectId", hasItem(poisoned))
                .body("dead.find { it.subjectId == '" + poisoned + "' }.operation", is("REPLACE_GUARDIANS"))
                .body("dead.find { it.subjectId == '" + poisoned + "' }.lastError",
                        containsString("guardianRefs: at most 5"));
        as("supervisor").contentType("").accept("text/html").get("/ui/outbox").then().statusCode(200)
                .body(containsString(poisoned)).body(containsString("guardianRefs: at most 5"));
        RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("safepassage_outbox_entries{state=\"dead\"}"))
                .body(containsString("safepassage_outbox_dead_lettered_total"));
        as("officer").get("/api/v1/outbox").then().statusCode(403);

        // An operator's retry puts it back in the queue; with the cause unmended it is set aside again.
        final long id = as("supervisor").get("/api/v1/outbox").then().extract()
                .jsonPath().getLong("dead.find { it.subjectId == '" + poisoned + "' }.id");
        as("supervisor").post("/api/v1/outbox/" + id + "/retry").then().statusCode(204);
        as("supervisor").post("/api/v1/outbox/999999999/retry").then().statusCode(404).body("code", is("NOT_FOUND"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(attempts(poisoned)).isEqualTo(2));
        assertThat(state(poisoned)).isEqualTo("DEAD");
    }

    private static String enroll(final String name, final int finger, final String phone) {
        return as("officer").body(child(newRequestId(), name, finger, List.of(guardian("Guard " + name, phone))))
                .post("/api/v1/subjects").then().statusCode(201).body("ledgerState", is("REGISTERED"))
                .extract().path("subjectId");
    }

    /** Writes guardian version 2 as {@code copies} verified copies of guardian 1; returns their references. */
    private static List<String> propose(final String subjectId, final int copies) throws SQLException {
        final List<String> refs = new ArrayList<>();
        try (Connection db = EnrollmentTestEnvironment.database().getConnection()) {
            for (int i = 0; i < copies; i++) {
                final String ref = "gdn-" + subjectId.substring(4) + "-v2-" + i;
                try (PreparedStatement copy = db.prepareStatement("insert into guardian (guardian_ref, subject_id, "
                        + "version, position, details, phone_verified) select ?, subject_id, 2, ?, details, true "
                        + "from guardian where subject_id = ? and version = 1")) {
                    copy.setString(1, ref);
                    copy.setInt(2, i);
                    copy.setString(3, subjectId);
                    assertThat(copy.executeUpdate()).isEqualTo(1);
                }
                refs.add(ref);
            }
            try (PreparedStatement pending = db.prepareStatement("update subject set pending_guardian_version = 2, "
                    + "pending_quorum = 1 where subject_id = ?")) {
                pending.setString(1, subjectId);
                pending.executeUpdate();
            }
        }
        return refs;
    }

    private static void queue(final String subjectId, final String operation) throws SQLException {
        queue(subjectId, operation, null);
    }

    private static void queue(final String subjectId, final String operation, final String actor)
            throws SQLException {
        try (Connection db = EnrollmentTestEnvironment.database().getConnection();
                PreparedStatement insert = db.prepareStatement("insert into ledger_outbox (subject_id, operation, "
                        + "created_at, next_attempt_at, actor) values (?, ?, now(), now(), ?)")) {
            insert.setString(1, subjectId);
            insert.setString(2, operation);
            insert.setString(3, actor);
            insert.executeUpdate();
        }
    }

    private static String state(final String subjectId) throws SQLException {
        return column(subjectId, "state");
    }

    private static int attempts(final String subjectId) throws SQLException {
        return Integer.parseInt(column(subjectId, "attempts"));
    }

    private static String column(final String subjectId, final String column) throws SQLException {
        try (Connection db = EnrollmentTestEnvironment.database().getConnection();
                PreparedStatement select = db.prepareStatement("select " + column
                        + "::text from ledger_outbox where subject_id = ?")) {
            select.setString(1, subjectId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
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
