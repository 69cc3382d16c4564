package org.safepassage.guardian.oversight;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.safepassage.chaincode.model.Alert;
import org.safepassage.chaincode.model.RedFlagRule;

/**
 * The alerts screen's filter: by red-flag rule, post and the day raised (UTC, both ends included). Absent parts let
 * everything through.
 */
public record AlertFilter(RedFlagRule rule, String post, LocalDate from, LocalDate to) {
    public static final AlertFilter NONE = new AlertFilter(null, null, null, null);

    /**
     * The filter from the screen's query parameters; blank means absent.
     *
     * @throws IllegalArgumentException naming the parameter that is not a rule or not a date
     */
    public static AlertFilter parse(final String rule, final String post, final String from, final String to) {
        return new AlertFilter(blank(rule) ? null : rule(rule), blank(post) ? null : post.strip(),
                blank(from) ? null : date("from", from), blank(to) ? null : date("to", to));
    }

    boolean accepts(final Alert alert) {
        final LocalDate day = LocalDate.ofInstant(alert.raisedAt(), ZoneOffset.UTC);
        return (rule == null || rule == alert.rule())
                && (post == null || post.equals(alert.post()))
                && (from == null || !day.isBefore(from))
                && (to == null || !day.isAfter(to));
    }

    private static RedFlagRule rule(final String value) {
        try {
            return RedFlagRule.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rule: not a red-flag rule");
        }
    }

    private static LocalDate date(final String name, final String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": a date as YYYY-MM-DD");
        }
    }

    private static boolean blank(final String value) {
        return value == null || value.isBlank();
    }
}
