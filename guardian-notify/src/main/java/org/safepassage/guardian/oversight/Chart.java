package org.safepassage.guardian.oversight;

import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A per-day chart: one value per day for each series. Drawn as inline SVG ({@link SvgChart}) and shown again as a
 * table for screen readers ({@link #rows()}).
 *
 * @param stacked whether the series' bars stack (counts that add up) or stand side by side (times that do not)
 */
@TemplateData
public record Chart(String testId, String title, String caption, String unit, boolean stacked, List<LocalDate> days,
        List<Series> series) {

    /** One named line of values, one per day; {@code null} where there is nothing to show (no decision that day). */
    @TemplateData
    public record Series(String name, List<Double> values) {
        public Series {
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /** A table row: the day and each series' value as text. */
    @TemplateData
    public record Row(String day, List<String> values) {
    }

    public Chart {
        days = List.copyOf(days);
        series = List.copyOf(series);
    }

    /** The chart's data as table rows, one per day. */
    public List<Row> rows() {
        final List<Row> rows = new ArrayList<>();
        for (int d = 0; d < days.size(); d++) {
            final List<String> values = new ArrayList<>();
            for (final Series s : series) {
                values.add(format(s.values().get(d)));
            }
            rows.add(new Row(days.get(d).toString(), values));
        }
        return rows;
    }

    /** The chart as inline SVG markup. */
    public String svg() {
        return SvgChart.render(this);
    }

    /** Whether any series has a value on any day. */
    public boolean empty() {
        return series.stream().allMatch(s -> s.values().stream().allMatch(v -> v == null || v == 0));
    }

    static String format(final Double value) {
        if (value == null) {
            return "–";
        }
        return value == Math.rint(value) ? Long.toString(value.longValue()) : String.format("%.1f", value);
    }
}
