package org.safepassage.network.fabric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a ledger answered into lines that compare across ledgers, and compares two transcripts line by line.
 *
 * <p>Two ledgers never agree on transaction ids, timestamps or block numbers, and ids the chaincode derives from the
 * transaction id (request and crossing ids) follow them. {@link Normaliser} names each such value by the order of its
 * first appearance ({@code <id1>}, {@code <id2>}, ...), so the same value at the same place in both transcripts still
 * compares equal, and a value reused where the other ledger used a new one still differs.
 */
final class Transcripts {
    private Transcripts() {}

    /** Replaces transaction-derived values by stable names, per transcript. */
    static final class Normaliser {
        private static final Pattern HEX_ID = Pattern.compile("\\b[0-9a-f]{64}\\b");
        private static final Pattern INSTANT =
                Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
        private final Map<String, String> names = new LinkedHashMap<>();

        String normalise(final String text) {
            final String withoutTimes = INSTANT.matcher(text).replaceAll("<time>");
            final Matcher ids = HEX_ID.matcher(withoutTimes);
            final StringBuilder out = new StringBuilder();
            while (ids.find()) {
                final String name = names.computeIfAbsent(ids.group(), id -> "<id" + (names.size() + 1) + ">");
                ids.appendReplacement(out, Matcher.quoteReplacement(name));
            }
            ids.appendTail(out);
            return out.toString();
        }
    }

    /** The outcome of a comparison: how many lines differ, and a report showing both sides. */
    record Comparison(int differences, String report) {}

    static Comparison compare(final String leftName, final List<String> left, final String rightName,
            final List<String> right) {
        final StringBuilder report = new StringBuilder("\n");
        int differences = 0;
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            final String l = i < left.size() ? left.get(i) : "(nothing)";
            final String r = i < right.size() ? right.get(i) : "(nothing)";
            if (l.equals(r)) {
                report.append(String.format("  %3d   %s%n", i + 1, l));
            } else {
                differences++;
                report.append(String.format("- %3d %-7s %s%n", i + 1, leftName, l));
                report.append(String.format("+ %3d %-7s %s%n", i + 1, rightName, r));
            }
        }
        report.insert(0, differences + " of " + Math.max(left.size(), right.size())
                + " observations differ (- " + leftName + ", + " + rightName + "):");
        return new Comparison(differences, report.toString());
    }
}
