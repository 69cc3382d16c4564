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
