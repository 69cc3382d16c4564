package org.safepassage.guardian.oversight;

import io.quarkus.qute.TemplateData;
import java.util.Locale;

/** An open alert as the alerts screen lists it. */
@TemplateData
public record AlertView(String alertId, String kind, String subjectId, String post, String raisedAt) {
    /** The kind in words ("Missing child scanned"), which wraps on a narrow screen where the code would not. */
    public String kindLabel() {
        final String words = kind.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
