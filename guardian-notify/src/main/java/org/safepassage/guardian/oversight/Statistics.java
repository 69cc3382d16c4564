package org.safepassage.guardian.oversight;

import io.quarkus.qute.TemplateData;

/** The statistics screen's three charts. */
@TemplateData
public record Statistics(Chart crossingsPerPost, Chart responseTimes, Chart refusalsAndOverrides) {
}
