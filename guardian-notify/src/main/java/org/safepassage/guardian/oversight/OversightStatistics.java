package org.safepassage.guardian.oversight;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The statistics screen's numbers, computed from activity rows: crossings per post per day, guardians' response times
 * (from the request's opening to each decision: median and 90th percentile per day, in minutes, or seconds when all
 * came within two minutes) and refused requests and supervised overrides per day. Days are UTC days; the window ends today. Pure: no database, no clock.
 */
final class OversightStatistics {
    static final int DAYS = 14;

    private OversightStatistics() {
    }

    /** The first instant of the window that ends on {@code today}. */
    static Instant windowStart(final LocalDate today) {
        return today.minusDays(DAYS - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static List<LocalDate> days(final LocalDate today) {
        final List<LocalDate> days = new ArrayList<>();
        for (int i = DAYS - 1; i >= 0; i--) {
            days.add(today.minusDays(i));
        }
        return days;
    }

    static Chart crossingsPerPost(final List<Activity> rows, final LocalDate today) {
        final List<LocalDate> days = days(today);
        final Map<String, double[]> perPost = new TreeMap<>();
        for (final Activity row : rows) {
            final int d = dayIndex(days, row.occurredAt());
            if (row.kind() == ActivityKind.CROSSING_RECORDED && d >= 0 && row.post() != null) {
                perPost.computeIfAbsent(row.post(), p -> new double[days.size()])[d]++;
            }
        }
        final List<Chart.Series> series = new ArrayList<>();
        perPost.forEach((post, counts) -> series.add(new Chart.Series(post, boxed(counts))));
        return new Chart("chart-crossings-per-post", "Crossings per post per day",
                "Crossings recorded at each border post, per day, over the last " + DAYS + " days.", "crossings",
                true, days, series);
    }

    static Chart responseTimes(final List<Activity> rows, final LocalDate today) {
        final List<LocalDate> days = days(today);
        final Map<String, Instant> opened = new HashMap<>();
        for (final Activity row : rows) {
            if (row.kind() == ActivityKind.REQUEST_OPENED && row.requestId() != null) {
                opened.put(row.requestId(), row.occurredAt());
            }
        }
        final List<List<Double>> minutesPerDay = new ArrayList<>();
        days.forEach(d -> minutesPerDay.add(new ArrayList<>()));
        for (final Activity row : rows) {
            final int d = dayIndex(days, row.occurredAt());
            final Instant start = row.requestId() == null ? null : opened.get(row.requestId());
            if (row.kind() == ActivityKind.GUARDIAN_DECISION && d >= 0 && start != null) {
                minutesPerDay.get(d).add(Duration.between(start, row.occurredAt()).toMillis() / 60_000.0);
            }
        }
        // minutes as a rule; seconds when every answer came within two minutes (a demo, a drill), so bars show
        final boolean seconds = minutesPerDay.stream().flatMap(List::stream).allMatch(m -> m < 2);
        final double scale = seconds ? 60 : 1;
        final List<Double> median = new ArrayList<>();
        final List<Double> p90 = new ArrayList<>();
        for (final List<Double> minutes : minutesPerDay) {
            median.add(scaled(percentile(minutes, 50), scale));
            p90.add(scaled(percentile(minutes, 90), scale));
        }
        final String unit = seconds ? "seconds" : "minutes";
        return new Chart("chart-response-times", "Guardian response times (" + unit + ")",
                "Time from a request's opening to each guardian's decision, in " + unit + ", per day of the "
                        + "decision: median and 90th percentile. Days without decisions are empty.",
                unit, false, days, List.of(new Chart.Series("Median", median), new Chart.Series("90th percentile",
                        p90)));
    }

    private static Double scaled(final Double value, final double scale) {
        return value == null ? null : value * scale;
    }

    static Chart refusalsAndOverrides(final List<Activity> rows, final LocalDate today) {
        final List<LocalDate> days = days(today);
        final double[] refusals = new double[days.size()];
        final double[] overrides = new double[days.size()];
        for (final Activity row : rows) {
            final int d = dayIndex(days, row.occurredAt());
            if (d < 0) {
                continue;
            }
            if (row.kind() == ActivityKind.REQUEST_REFUSED) {
                refusals[d]++;
            } else if (row.kind() == ActivityKind.OVERRIDE) {
                overrides[d]++;
            }
        }
        return new Chart("chart-refusals-overrides", "Refusals and overrides per day",
                "Requests the guardians refused, and crossings a border supervisor allowed by override, per day.",
                "events", false, days, List.of(new Chart.Series("Refused requests", boxed(refusals)),
                        new Chart.Series("Supervised overrides", boxed(overrides))));
    }

    /**
     * The p-th percentile by linear interpolation between closest ranks (the spreadsheet PERCENTILE.INC rule), or
     * {@code null} for no values.
     */
    static Double percentile(final List<Double> values, final double p) {
        if (values.isEmpty()) {
            return null;
        }
        final List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        final double rank = p / 100.0 * (sorted.size() - 1);
        final int low = (int) Math.floor(rank);
        final int high = (int) Math.ceil(rank);
        return sorted.get(low) + (rank - low) * (sorted.get(high) - sorted.get(low));
    }

    private static int dayIndex(final List<LocalDate> days, final Instant at) {
        return days.indexOf(LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    private static List<Double> boxed(final double[] values) {
        final List<Double> list = new ArrayList<>(values.length);
        for (final double v : values) {
            list.add(v);
        }
        return list;
    }
}
