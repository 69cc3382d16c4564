package org.safepassage.enrollment.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.model.ProtectionClass;

class SubjectListingTest {
    private final SubjectListing maria = new SubjectListing("sub-3f9a12", "Maria Elena", "Popescu",
            LocalDate.of(2017, 3, 4), ProtectionClass.MINOR, StoredSubject.LedgerState.REGISTERED,
            Instant.parse("2026-11-29T07:01:02Z"));

    @Nested
    class Matches {
        @Test
        void finds_by_family_name_ignoring_case() {
            assertThat(maria.matches("popescu")).isTrue();
            assertThat(maria.matches("POPES")).isTrue();
        }

        @Test
        void finds_by_given_name_and_needs_every_word() {
            assertThat(maria.matches("elena pop")).isTrue();
            assertThat(maria.matches("elena ionescu")).isFalse();
        }

        @Test
        void finds_by_the_start_of_the_subject_id_only() {
            assertThat(maria.matches("sub-3f")).isTrue();
            assertThat(maria.matches("9a12")).isFalse();
        }

        @Test
        void an_empty_query_matches_everyone() {
            assertThat(maria.matches("  ")).isTrue();
            assertThat(maria.matches(null)).isTrue();
        }
    }

    @Test
    void shows_the_enrollment_time_to_the_minute_in_utc() {
        assertThat(maria.enrolledAtText()).isEqualTo("2026-11-29 07:01 UTC");
    }
}
