package org.safepassage.guardian.oversight;

import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Locale;

/**
 * An open alert as the alerts screen lists it.
 *
 * @param rule for a red flag, the rule that matched; otherwise null
 * @param explanation for a red flag, what the rule looks for with the thresholds in force
 * @param evidence for a red flag, the matched events, each linked to its subject's timeline
 */
@TemplateData
public record AlertView(String alertId, String kind, String subjectId, String post, String raisedAt, String rule,
        String explanation, List<Evidence> evidence) {

    /** One matched ledger event. */
    @TemplateData
    public record Evidence(String transactionId, String subjectId, String event) {}

    public AlertView {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** The kind in words ("Missing child scanned"), which wraps on a narrow screen where the code would not. */
    public String kindLabel() {
        return words(rule != null ? rule : kind);
    }

    static String words(final String code) {
        final String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
