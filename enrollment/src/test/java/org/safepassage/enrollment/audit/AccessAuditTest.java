package org.safepassage.enrollment.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.is;
import static org.safepassage.enrollment.support.Api.as;
import static org.safepassage.enrollment.support.Api.child;
import static org.safepassage.enrollment.support.Api.guardian;
import static org.safepassage.enrollment.support.Api.newRequestId;
import static org.safepassage.enrollment.support.Api.scan;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safepassage.enrollment.support.EnrollmentTestEnvironment;

/**
 * The access audit against the real PostgreSQL and ledger: each read path writes its row with who and why; the
 * table refuses changes; and the DPO's check reports a row altered or deleted in SQL by the superuser.
 */
@QuarkusTest
@QuarkusTestResource(EnrollmentTestEnvironment.class)
class AccessAuditTest {
    @jakarta.inject.Inject
    AuditAnchoring anchoring;

    private static final String NAME = "Ottilia-Audittest";
    private static final String PHONE = "+40722555666";

    private static String enroll(final String givenNames, final int finger, final String phone) {
        // The first enrollment of a run waits for the ledger's commit, which takes its time on a loaded machine.
        return as("officer").config(io.restassured.RestAssured.config().httpClient(
                        io.restassured.config.HttpClientConfig.httpClientConfig()
                                .setParam("http.socket.timeout", 180_000)))
                .body(child(newRequestId(), givenNames, finger, List.of(guardian("Guardian Audit", phone))))
                .post("/api/v1/subjects").then().statusCode(201).extract().path("subjectId");
    }

    private static List<Map<String, Object>> rowsAbout(final String subjectId) {
        return as("dpo").queryParam("subjectId", subjectId).get("/api/v1/audit").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    private static List<Map<String, Object>> rowsAbout(final String subjectId, final Purpose purpose) {
        return rowsAbout(subjectId).stream().filter(r -> purpose.name().equals(r.get("purpose"))).toList();
    }

    private static JsonPath check() {
        return as("dpo").get("/api/v1/audit/check").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void each_read_of_personal_data_writes_a_row_with_who_and_why() {
        final String subjectId = enroll(NAME, 71, PHONE);
        final String guardianRef = as("officer").get("/api/v1/subjects/" + subjectId).then().statusCode(200)
                .extract().path("guardians[0].guardianRef");
        assertThat(rowsAbout(subjectId)).as("enrolling and summaries read no personal data").isEmpty();

        as("officer").get("/ui/subjects/" + subjectId).then().statusCode(200);
        as("officer").queryParam("q", NAME).get("/ui/subjects").then().statusCode(200);
        as("supervisor").queryParam("q", NAME).get("/ui/subjects/search").then().statusCode(200)
                .body("[0].subjectId", is(subjectId));
        as("officer").get("/ui/subjects").then().statusCode(200);
        as("dpo").get("/api/v1/subjects/" + subjectId + "/export").then().statusCode(200);
        as("notifier").queryParam("requestId", "crossing-request-tx-0001")
                .get("/internal/v1/guardians/" + guardianRef).then().statusCode(200).body("phoneNumber", is(PHONE));
        as("gateway").body(scan(71, 1)).post("/internal/v1/identify").then().statusCode(200)
                .body("outcome", is("MATCH"));
        as("gateway").body(Map.of("images", scan(71, 2).get("images"), "subjectId", subjectId))
                .post("/internal/v1/identify").then().statusCode(200).body("outcome", is("MATCH"));
        // A second enrollment of the same finger is referred; the supervisor's queue shows the enrolled person.
        as("officer").body(child(newRequestId(), "Someone-Else", 71, List.of(guardian("Other", "+40722555667"))))
                .post("/api/v1/subjects").then().statusCode(409).body("code", is("DUPLICATE_REFERRED"));
        as("supervisor").get("/ui/referrals").then().statusCode(200);

        assertThat(rowsAbout(subjectId, Purpose.SUBJECT_PAGE)).singleElement()
                .satisfies(r -> assertThat(r.get("actor")).isEqualTo("officer"));
        assertThat(rowsAbout(subjectId, Purpose.SEARCH_HIT)).extracting(r -> r.get("actor"))
                .containsExactly("supervisor", "officer");
        assertThat(rowsAbout(subjectId, Purpose.SUBJECT_LIST)).extracting(r -> r.get("actor"))
                .containsExactly("officer");
        assertThat(rowsAbout(subjectId, Purpose.EXPORT)).extracting(r -> r.get("actor")).containsExactly("dpo");
        assertThat(rowsAbout(subjectId, Purpose.GUARDIAN_CONTACT)).singleElement().satisfies(r -> {
            assertThat(r.get("actor")).isEqualTo("notifier");
            assertThat((String) r.get("what")).contains(guardianRef).contains("crossing-request-tx-0001");
        });
        assertThat(rowsAbout(subjectId, Purpose.IDENTIFY)).extracting(r -> (String) r.get("what"))
                .satisfiesExactly(w -> assertThat(w).startsWith("1:1"), w -> assertThat(w).startsWith("1:N"));
        assertThat(rowsAbout(subjectId, Purpose.REFERRAL_REVIEW)).extracting(r -> r.get("actor"))
                .containsExactly("supervisor");
        // Rows name categories and opaque references, never the values read.
        assertThat(rowsAbout(subjectId).toString()).doesNotContain(NAME).doesNotContain(PHONE);
        // The DPO's filters: by person acting, by purpose, by date.
        assertThat(as("dpo").queryParam("subjectId", subjectId).queryParam("actor", "dpo").get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath().getList("purpose")).containsOnly("EXPORT");
        assertThat(as("dpo").queryParam("purpose", "guardian_contact").queryParam("from", "2000-01-01")
                .queryParam("to", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString())
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("subjectId"))
                .contains(subjectId);
        assertThat(as("dpo").queryParam("to", "2000-01-01").get("/api/v1/audit").then().statusCode(200)
                .extract().jsonPath().getList("$")).isEmpty();
        as("dpo").queryParam("purpose", "GOSSIP").get("/api/v1/audit").then().statusCode(400)
                .body("code", is("INVALID_FIELD"));
        as("officer").get("/api/v1/audit").then().statusCode(403);
        // The DPO's screen shows the rows and runs the check.
        as("dpo").queryParam("subjectId", subjectId).queryParam("check", "true").get("/ui/audit").then()
                .statusCode(200).body(org.hamcrest.Matchers.containsString("data-testid=\"audit-intact\""))
                .body(org.hamcrest.Matchers.containsString("GUARDIAN_CONTACT"));
        as("officer").get("/ui/audit").then().statusCode(403);
    }

    @Test
    void a_refused_or_empty_read_writes_nothing() {
        final String subjectId = anySubject();
        final int before = rowsAbout(subjectId).size();

        as("officer").get("/api/v1/subjects/" + subjectId + "/export").then().statusCode(403);
        as("officer").get("/api/v1/subjects/" + subjectId).then().statusCode(200);
        as("officer").get("/api/v1/subjects/" + subjectId + "/ledger");
        // Another finger against this subject (1:1): no match, so nothing of theirs was disclosed.
        as("gateway").body(Map.of("images", scan(73, 1).get("images"), "subjectId", subjectId))
                .post("/internal/v1/identify").then().statusCode(200).body("outcome", is("NO_MATCH"));
        as("notifier").queryParam("requestId", "bad request id").get("/internal/v1/guardians/guardian-unknown-0001")
                .then().statusCode(400);
        as("notifier").get("/internal/v1/guardians/guardian-unknown-0001").then().statusCode(404);

        assertThat(rowsAbout(subjectId)).hasSize(before);
    }

    @Test
    void the_services_role_may_insert_and_select_but_not_update_delete_or_truncate() throws SQLException {
        readSomething();
        try (Connection db = superuser(); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            // Everyone, a superuser included, meets the trigger.
            assertThatThrownBy(() -> sql.execute("update access_audit set actor = 'x' where seq = 1"))
                    .hasMessageContaining("append-only");
            db.rollback();
            assertThatThrownBy(() -> sql.execute("truncate access_audit")).hasMessageContaining("append-only");
            db.rollback();
            // The service's role as devpostgres sets it up: owner of its database and tables, no superuser.
            sql.execute("create role audit_probe nologin");
            sql.execute("alter table access_audit owner to audit_probe");
            sql.execute("set session_replication_role = replica"); // the trigger off: the privileges alone
            sql.execute("set role audit_probe");
            try (ResultSet rows = sql.executeQuery("select count(*) from access_audit")) {
                rows.next();
                assertThat(rows.getLong(1)).isPositive();
            }
            for (String change : List.of("update access_audit set actor = 'x' where seq = 1",
                    "delete from access_audit where seq = 1", "truncate access_audit")) {
                sql.execute("savepoint probe");
                assertThatThrownBy(() -> sql.execute(change)).as(change).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
                sql.execute("rollback to savepoint probe");
            }
            sql.execute("insert into access_audit (seq, read_at, actor, purpose, subject_id, what, prev_hash, row_hash)"
                    + " values (999999, now(), 'probe', 'EXPORT', 'probe', 'probe', '\\x"
                    + "00".repeat(32) + "', '\\x" + "00".repeat(32) + "')");
            db.rollback();
        }
        assertThat(check().getBoolean("intact")).isTrue();
    }

    @Test
    void the_check_reports_a_row_altered_in_sql_and_a_row_deleted_in_sql() throws SQLException {
        readSomething();
        readSomething();
        readSomething();
        as("dpo").post("/api/v1/audit/anchors").then().statusCode(200).body("mspId", is("RegistryMSP"));
        assertThat(check().getBoolean("intact")).isTrue();
        final long middle = lastSeq() - 1;

        // Altered: the superuser switches the trigger off and changes who read.
        final String actor = scalar("select actor from access_audit where seq = " + middle);
        superuserSql("update access_audit set actor = 'nobody-in-particular' where seq = " + middle);
        JsonPath report = check();
        assertThat(report.getBoolean("intact")).isFalse();
        assertThat(report.getList("findings.kind")).containsExactly("ALTERED");
        assertThat(report.getLong("findings[0].fromSeq")).isEqualTo(middle);
        as("dpo").queryParam("check", "true").get("/ui/audit").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("data-kind=\"ALTERED\""));
        superuserSql("update access_audit set actor = '" + actor + "' where seq = " + middle);
        assertThat(check().getBoolean("intact")).isTrue();

        // Deleted: the row goes, and the gap is reported with its number.
        final Object[] row = row(middle);
        superuserSql("delete from access_audit where seq = " + middle);
        report = check();
        assertThat(report.getBoolean("intact")).isFalse();
        assertThat(report.getList("findings.kind")).containsExactly("DELETED");
        assertThat(report.getLong("findings[0].fromSeq")).isEqualTo(middle);
        assertThat(report.getLong("findings[0].toSeq")).isEqualTo(middle);
        restore(row);
        assertThat(check().getBoolean("intact")).isTrue();

        // Rewritten with fresh hashes from the altered row on: the chain holds, the ledger's anchor does not.
        final long anchored = lastSeq();
        final List<Object[]> originals = new java.util.ArrayList<>();
        for (long seq = middle; seq <= anchored; seq++) {
            originals.add(row(seq));
        }
        rewriteFrom(middle, "nobody-in-particular");
        report = check();
        assertThat(report.getList("findings.kind")).containsExactly("ANCHOR_MISMATCH");
        assertThat(report.getLong("findings[0].fromSeq")).isEqualTo(anchored);
        for (Object[] original : originals) {
            superuserSql("delete from access_audit where seq = " + original[0]);
            restore(original);
        }
        assertThat(check().getBoolean("intact")).isTrue();

        // The newest rows deleted after the anchor: nothing in the chain shows it, the ledger does.
        final Object[] last = row(anchored);
        superuserSql("delete from access_audit where seq = " + anchored);
        report = check();
        assertThat(report.getList("findings.kind")).containsExactly("ANCHORED_ROWS_MISSING");
        restore(last);
        assertThat(check().getBoolean("intact")).isTrue();
    }

    @Test
    void the_anchor_nobody_asked_for_names_enrollment_as_its_actor() throws Exception {
        readSomething();
        // As the scheduler anchors: outside any request, no one logged in.
        final String txId = anchoring.anchorNow().orElseThrow().txId();
        final String chain = new String(java.nio.file.Files.readAllBytes(EnrollmentTestEnvironment.ledgerDirectory()
                .resolve("blocks.log")), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(chain).contains("{\"actor\":\"service:enrollment\"");
        final java.util.regex.Matcher attribution = java.util.regex.Pattern.compile(
                "\\{\"actor\":\"([^\"]+)\",\"at\":[^,]+,\"by\":\"[^\"]+\","
                        + "\"transaction\":\"audit:AnchorAuditHead\",\"txId\":\"" + txId + "\"\\}").matcher(chain);
        assertThat(attribution.find()).as("an attribution beside anchor %s", txId).isTrue();
        assertThat(attribution.group(1)).isEqualTo("service:enrollment");
    }

    private static void readSomething() {
        as("officer").get("/ui/subjects/" + anySubject()).then().statusCode(200);
    }

    /* Someone enrolled: the newest subject, or one enrolled now when this class runs first. */
    private static String anySubject() {
        final String subjectId = as("officer").get("/api/v1/subjects?limit=1").then().statusCode(200)
                .extract().path("[0].subjectId");
        return subjectId != null ? subjectId : enroll("Veronica-Audittest", 74, "+40722555669");
    }

    private static Connection superuser() throws SQLException {
        return EnrollmentTestEnvironment.database().getConnection();
    }

    /* One statement as the superuser with triggers off, as a DBA hiding their tracks would. */
    private static void superuserSql(final String statement) throws SQLException {
        try (Connection db = superuser(); Statement sql = db.createStatement()) {
            sql.execute("set session_replication_role = replica");
            sql.execute(statement);
        }
    }

    private static long lastSeq() throws SQLException {
        return Long.parseLong(scalar("select max(seq) from access_audit"));
    }

    private static String scalar(final String query) throws SQLException {
        try (Connection db = superuser(); Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Object[] row(final long seq) throws SQLException {
        try (Connection db = superuser(); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select " + AccessAudit.COLUMNS
                        + " from access_audit where seq = " + seq)) {
            rows.next();
            return new Object[] {rows.getLong(1), rows.getTimestamp(2), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getBytes(7), rows.getBytes(8)};
        }
    }

    private static void restore(final Object[] row) throws SQLException {
        try (Connection db = superuser(); PreparedStatement insert = db.prepareStatement("insert into access_audit ("
                + AccessAudit.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, (Long) row[0]);
            insert.setTimestamp(2, (Timestamp) row[1]);
            for (int i = 2; i < 6; i++) {
                insert.setString(i + 1, (String) row[i]);
            }
            insert.setBytes(7, (byte[]) row[6]);
            insert.setBytes(8, (byte[]) row[7]);
            insert.executeUpdate();
        }
    }

    /* Changes who read row `from` and recomputes every hash after it, as someone who knows the format would. */
    private static void rewriteFrom(final long from, final String actor) throws SQLException {
        byte[] prev = from == 1 ? AuditChain.GENESIS : entry(from - 1).rowHash();
        for (long seq = from; seq <= lastSeq(); seq++) {
            final AuditEntry row = entry(seq);
            final String who = seq == from ? actor : row.actor();
            final byte[] hash = AuditChain.rowHash(prev, seq, row.readAt(), who, row.purpose(), row.subjectId(),
                    row.what());
            superuserSql("update access_audit set actor = '" + who + "', prev_hash = '\\x" + HexFormat.of().formatHex(prev)
                    + "', row_hash = '\\x" + HexFormat.of().formatHex(hash) + "' where seq = " + seq);
            prev = hash;
        }
    }

    private static AuditEntry entry(final long seq) throws SQLException {
        try (Connection db = superuser(); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select " + AccessAudit.COLUMNS + " from access_audit where seq = "
                        + seq)) {
            rows.next();
            return AccessAudit.entry(rows);
        }
    }
}
