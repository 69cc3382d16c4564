package org.safepassage.guardian.oversight;

import io.quarkus.qute.TemplateData;

/**
 * A subject's current state on the ledger, or why it could not be read.
 *
 * @param status ACTIVE, FLAGGED_MISSING or ERASED; null if not read
 * @param quorum "M of N guardians", or null
 * @param problem a sentence for the analyst when the ledger did not answer, or null
 */
@TemplateData
public record SubjectState(String subjectId, String status, String quorum, String problem) {
    public boolean erased() {
        return "ERASED".equals(status);
    }
}
