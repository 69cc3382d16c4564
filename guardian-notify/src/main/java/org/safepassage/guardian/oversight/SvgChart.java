package org.safepassage.guardian.oversight;

import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Chart} as inline SVG bars, server-side: no chart library, nothing fetched by the browser. The SVG
 * scales to its container's width (viewBox), so it fits a tablet as well as a desktop; the same data is in a table
 * next to it, so the drawing itself is hidden from screen readers.
 */
final class SvgChart {
    private static final int WIDTH = 960;
    private static final int HEIGHT = 300;
    private static final int LEFT = 44;
    private static final int RIGHT = 8;
    private static final int TOP = 34;
    private static final int BOTTOM = 28;
    // The UI kit's colours (safepassage.css): brand, waiting, refused, clear, unknown, alert.
    private static final List<String> COLOURS =
            List.of("#0b4f8a", "#b26a00", "#b3261e", "#0b7a3e", "#44505c", "#5c0a0a", "#6a8fb3", "#d9a441");

    private SvgChart() {
    }

    static String render(final Chart chart) {
        final StringBuilder svg = new StringBuilder(4096);
        svg.append(String.format(Locale.ROOT, "<svg class=\"an-chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
                + "aria-hidden=\"true\" focusable=\"false\" preserveAspectRatio=\"xMidYMid meet\" "
                + "xmlns=\"http://www.w3.org/2000/svg\">", WIDTH, HEIGHT));
        final double max = niceMax(maxValue(chart));
        final int plotW = WIDTH - LEFT - RIGHT;
        final int plotH = HEIGHT - TOP - BOTTOM;
        for (int i = 0; i <= 4; i++) {
            final double value = max * i / 4;
            final double y = TOP + plotH - plotH * i / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#d5dae0\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6470\">%s</text>",
                    LEFT, WIDTH - RIGHT, y, y, LEFT - 6, y + 4, Chart.format(value)));
        }
        final int days = chart.days().size();
        final double slot = (double) plotW / Math.max(1, days);
        final int seriesCount = chart.series().size();
        for (int d = 0; d < days; d++) {
            final double x0 = LEFT + d * slot;
            double stackedTop = TOP + plotH;
            for (int s = 0; s < seriesCount; s++) {
                final Double value = chart.series().get(s).values().get(d);
                if (value == null || value <= 0) {
                    continue;
                }
                final double h = plotH * value / max;
                final String colour = COLOURS.get(s % COLOURS.size());
                if (chart.stacked()) {
                    stackedTop -= h;
                    bar(svg, x0 + slot * 0.15, stackedTop, slot * 0.7, h, colour);
                } else {
                    final double w = slot * 0.8 / seriesCount;
                    bar(svg, x0 + slot * 0.1 + s * w, TOP + plotH - h, w, h, colour);
                }
            }
            if (d % 2 == (days - 1) % 2) {
                final String label = chart.days().get(d).toString().substring(5);
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" "
                        + "text-anchor=\"middle\" fill=\"#5b6470\">%s</text>", x0 + slot / 2, HEIGHT - 10, label));
            }
        }
        double legendX = LEFT;
        for (int s = 0; s < seriesCount; s++) {
            final String name = chart.series().get(s).name();
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"8\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%.1f\" y=\"18\" font-size=\"12\" fill=\"#1b1f24\">%s</text>", legendX,
                    COLOURS.get(s % COLOURS.size()), legendX + 16, escape(name)));
            legendX += 28 + name.length() * 7;
        }
        if (chart.empty()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"14\" text-anchor=\"middle\" "
                    + "fill=\"#5b6470\">Nothing recorded in these days</text>", LEFT + plotW / 2, TOP + plotH / 2));
        }
        return svg.append("</svg>").toString();
    }

    private static void bar(final StringBuilder svg, final double x, final double y, final double w, final double h,
            final String colour) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                + "fill=\"%s\"/>", x, y, Math.max(1, w), h, colour));
    }

    private static double maxValue(final Chart chart) {
        double max = 0;
        for (int d = 0; d < chart.days().size(); d++) {
            double sum = 0;
            for (final Chart.Series s : chart.series()) {
                final Double v = s.values().get(d);
                if (v != null) {
                    sum = chart.stacked() ? sum + v : Math.max(sum, v);
                }
            }
            max = Math.max(max, sum);
        }
        return max;
    }

    /** A round axis maximum: four grid steps of 1, 2 or 5 times a power of ten (whole steps for counts). */
    static double niceMax(final double max) {
        final double wanted = Math.max(1, max / 4);
        final double magnitude = Math.pow(10, Math.floor(Math.log10(wanted)));
        for (final double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= wanted) {
                return 4 * step * magnitude;
            }
        }
        return 40 * magnitude;
    }

    static String escape(final String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
