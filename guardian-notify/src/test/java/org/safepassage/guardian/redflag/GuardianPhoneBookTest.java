package org.safepassage.guardian.redflag;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safepassage.guardian.crossing.CrossingTestEnvironment;
import org.safepassage.guardian.verification.TwilioStandInResource;

/** The phone rule's view of guardian-notify's outbox: the keyed hash each guardian of a request was texted at. */
@QuarkusTest
@WithTestResource(value = CrossingTestEnvironment.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TwilioStandInResource.class, scope = TestResourceScope.GLOBAL)
class GuardianPhoneBookTest {
    @Inject
    GuardianPhoneBook phones;

    @Inject
    RedFlagHits hits;

    @Test
    void hits_are_counted_per_rule_and_week_once_per_alert_and_shown_to_the_analyst() {
        final java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        final Instant now = Instant.now();
        final String subject = "subject-hit-counts-0001";
        final java.util.List<org.safepassage.chaincode.model.RedFlagEvidence> evidence = java.util.List.of(
                new org.safepassage.chaincode.model.RedFlagEvidence("tx-hit-counts-0001", subject,
                        org.safepassage.chaincode.model.EventType.SUBJECT_SCANNED));
        final org.safepassage.chaincode.model.Alert thisWeek = org.safepassage.chaincode.model.Alert.redFlag(
                new org.safepassage.chaincode.model.RedFlagCommand(
                        org.safepassage.chaincode.model.RedFlagRule.FREQUENT_EXITS, subject, null, evidence), now);
        final org.safepassage.chaincode.model.Alert weeksAgo = org.safepassage.chaincode.model.Alert.redFlag(
                new org.safepassage.chaincode.model.RedFlagCommand(
                        org.safepassage.chaincode.model.RedFlagRule.EXIT_WITHOUT_RETURN, subject, null, evidence),
                now.minus(java.time.Duration.ofDays(15)));
        final int before = frequentThisWeek(today);

        hits.record(thisWeek);
        hits.record(thisWeek);
        hits.record(weeksAgo);

        assertThat(frequentThisWeek(today)).isEqualTo(before + 1);
        assertThat(hits.perWeek(today)).filteredOn(r -> r.rule().equals("EXIT_WITHOUT_RETURN")).singleElement()
                .satisfies(r -> assertThat(r.perWeek().get(RedFlagHits.WEEKS - 3)).isPositive());
        io.restassured.RestAssured.given().auth().preemptive().basic("analyst", "test-analyst-password")
                .when().get("/analyst/statistics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("data-testid=\"red-flag-hits-row\" data-rule=\"FREQUENT_EXITS\""));
    }

    private int frequentThisWeek(final java.time.LocalDate today) {
        return hits.perWeek(today).stream().filter(r -> r.rule().equals("FREQUENT_EXITS")).findFirst().orElseThrow()
                .perWeek().get(RedFlagHits.WEEKS - 1);
    }

    @Test
    void finds_the_hash_each_guardian_was_texted_at_and_skips_those_not_texted_yet() throws Exception {
        final String request = "request-" + UUID.randomUUID();
        final byte[] mother = {1, 2, 3};
        final byte[] father = {4, 5, 6};
        try (Connection c = CrossingTestEnvironment.database().getConnection()) {
            final Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement s = c.prepareStatement("INSERT INTO crossing_request (request_id, subject_id, post, "
                    + "direction, approval_quorum, guardian_count, status, created_at, expires_at, block_number, "
                    + "updated_at) VALUES (?, 'subject-phone-book-0001', 'MD-LEUSENI', 'EXIT', 1, 3, 'EXPIRED', ?, ?, "
                    + "1, ?)")) {
                s.setString(1, request);
                s.setTimestamp(2, now);
                s.setTimestamp(3, now);
                s.setTimestamp(4, now);
                s.executeUpdate();
            }
            for (final Object[] row : new Object[][] {{"guardian-mother-0001", mother}, {"guardian-father-0001", father},
                    {"guardian-unsent-0001", null}}) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO guardian_message (request_id, guardian_ref, "
                        + "state, phone_hash, created_at, updated_at) VALUES (?, ?, 'SENT', ?, ?, ?)")) {
                    s.setString(1, request);
                    s.setString(2, (String) row[0]);
                    s.setBytes(3, (byte[]) row[1]);
                    s.setTimestamp(4, now);
                    s.setTimestamp(5, now);
                    s.executeUpdate();
                }
            }
        }

        assertThat(phones.phoneOf(request, "guardian-mother-0001")).contains(HexFormat.of().formatHex(mother));
        assertThat(phones.phoneOf(request, "guardian-unsent-0001")).isEmpty();
        assertThat(phones.phonesOf(request))
                .containsExactlyInAnyOrder(HexFormat.of().formatHex(mother), HexFormat.of().formatHex(father));
    }
}
