package org.safepassage.guardian.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OversightStatisticsTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-11-29");

    private static Activity row(final ActivityKind kind, final String at, final String post, final String requestId) {
        return Activity.of("tx-" + kind + at + requestId, 1, "subject-0123456789abcdef", kind, Instant.parse(at))
                .at(post, null).request(requestId);
    }

    @Nested
    class Percentile {
        @Test
        void interpolates_between_ranks() {
            assertThat(OversightStatistics.percentile(List.of(4.0, 1.0, 3.0, 2.0), 50)).isEqualTo(2.5);
            assertThat(OversightStatistics.percentile(List.of(4.0, 1.0, 3.0, 2.0), 90)).isCloseTo(3.7, within(1e-9));
            assertThat(OversightStatistics.percentile(List.of(7.0), 90)).isEqualTo(7.0);
        }

        @Test
        void is_absent_without_values() {
            assertThat(OversightStatistics.percentile(List.of(), 50)).isNull();
        }
    }

    @Nested
    class CrossingsPerPost {
        @Test
        void counts_crossings_per_post_and_utc_day_over_fourteen_days() {
            final Chart chart = OversightStatistics.crossingsPerPost(List.of(
                    row(ActivityKind.CROSSING_RECORDED, "2026-11-29T08:00:00Z", "MD-LEUSENI", null),
                    row(ActivityKind.CROSSING_RECORDED, "2026-11-29T23:59:59Z", "MD-LEUSENI", null),
                    row(ActivityKind.CROSSING_RECORDED, "2026-11-28T00:00:00Z", "RO-ALBITA", null),
                    row(ActivityKind.CROSSING_RECORDED, "2026-11-15T12:00:00Z", "RO-ALBITA", null),
                    row(ActivityKind.REQUEST_OPENED, "2026-11-29T08:00:00Z", "MD-LEUSENI", "r1")), TODAY);

            assertThat(chart.days()).hasSize(14).startsWith(LocalDate.parse("2026-11-16")).endsWith(TODAY);
            assertThat(chart.series()).extracting(Chart.Series::name).containsExactly("MD-LEUSENI", "RO-ALBITA");
            assertThat(chart.series().get(0).values().get(13)).isEqualTo(2.0);
            assertThat(chart.series().get(1).values().get(12)).isEqualTo(1.0);
            assertThat(chart.series().get(1).values().stream().mapToDouble(Double::doubleValue).sum())
                    .as("the 15th is outside the window").isEqualTo(1.0);
            assertThat(chart.svg()).startsWith("<svg").contains("<rect").contains("MD-LEUSENI");
            assertThat(chart.rows()).hasSize(14);
            assertThat(chart.rows().get(13).values()).containsExactly("2", "0");
        }
    }

    @Nested
    class ResponseTimes {
        @Test
        void measures_from_opening_to_each_decision_per_day_of_decision() {
            final Chart chart = OversightStatistics.responseTimes(List.of(
                    row(ActivityKind.REQUEST_OPENED, "2026-11-28T23:58:00Z", "MD-LEUSENI", "r1"),
                    row(ActivityKind.GUARDIAN_DECISION, "2026-11-29T00:02:00Z", "MD-LEUSENI", "r1"),
                    row(ActivityKind.GUARDIAN_DECISION, "2026-11-29T00:08:00Z", "MD-LEUSENI", "r1"),
                    row(ActivityKind.REQUEST_OPENED, "2026-11-29T10:00:00Z", "MD-LEUSENI", "r2"),
                    row(ActivityKind.GUARDIAN_DECISION, "2026-11-29T10:01:00Z", "MD-LEUSENI", "r2"),
                    row(ActivityKind.GUARDIAN_DECISION, "2026-11-29T10:01:00Z", "MD-LEUSENI", "unknown")), TODAY);

            final Chart.Series median = chart.series().get(0);
            final Chart.Series p90 = chart.series().get(1);
            // 4, 10 and 1 minutes: median 4, p90 between 4 and 10
            assertThat(median.values().get(13)).isEqualTo(4.0);
            assertThat(p90.values().get(13)).isCloseTo(8.8, within(1e-9));
            assertThat(median.values().get(12)).as("no decision on the 28th").isNull();
            assertThat(chart.rows().get(12).values()).containsExactly("–", "–");
            assertThat(chart.unit()).isEqualTo("minutes");
        }

        @Test
        void switches_to_seconds_when_every_answer_came_within_two_minutes() {
            final Chart chart = OversightStatistics.responseTimes(List.of(
                    row(ActivityKind.REQUEST_OPENED, "2026-11-29T10:00:00Z", "MD-LEUSENI", "r1"),
                    row(ActivityKind.GUARDIAN_DECISION, "2026-11-29T10:00:30Z", "MD-LEUSENI", "r1")), TODAY);

            assertThat(chart.unit()).isEqualTo("seconds");
            assertThat(chart.series().get(0).values().get(13)).isEqualTo(30.0);
        }
    }

    @Nested
    class RefusalsAndOverrides {
        @Test
        void counts_refused_requests_and_overrides_per_day() {
            final Chart chart = OversightStatistics.refusalsAndOverrides(List.of(
                    row(ActivityKind.REQUEST_REFUSED, "2026-11-29T08:00:00Z", null, "r1"),
                    row(ActivityKind.OVERRIDE, "2026-11-29T09:00:00Z", "MD-LEUSENI", null),
                    row(ActivityKind.OVERRIDE, "2026-11-20T09:00:00Z", "MD-LEUSENI", null),
                    row(ActivityKind.GUARDIAN_DECISION, "2026-11-29T08:00:00Z", null, "r1")), TODAY);

            assertThat(chart.series().get(0).values().get(13)).isEqualTo(1.0);
            assertThat(chart.series().get(1).values().get(13)).isEqualTo(1.0);
            assertThat(chart.series().get(1).values().get(4)).isEqualTo(1.0);
        }

        @Test
        void an_empty_window_draws_a_note_instead_of_bars() {
            final Chart chart = OversightStatistics.refusalsAndOverrides(List.of(), TODAY);
            assertThat(chart.empty()).isTrue();
            assertThat(chart.svg()).contains("Nothing recorded").doesNotContain("height=\"0");
        }
    }
}
