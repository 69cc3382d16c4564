package org.safepassage.guardian.oversight;

import io.quarkus.qute.TemplateData;

/** An open alert as the alerts screen lists it. */
@TemplateData
public record AlertView(String alertId, String kind, String subjectId, String post, String raisedAt) {
}
