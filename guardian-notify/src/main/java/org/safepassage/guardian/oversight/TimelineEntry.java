package org.safepassage.guardian.oversight;

import io.quarkus.qute.TemplateData;

/** One line of a subject's timeline: what happened, when, and its details in words. */
@TemplateData
public record TimelineEntry(String kind, String label, String at, String detail, String transactionId) {
}
