package org.safepassage.enrollment.biometrics;

import java.util.Objects;

/**
 * A gallery subject whose template scored at or above the threshold.
 *
 * @param subjectId the subject
 * @param score the SourceAFIS similarity score (higher is more similar; about 40 at FMR 0.01%)
 */
public record MatchCandidate(String subjectId, double score) {
    /**
     * Checks the subject id is present.
     *
     * @throws NullPointerException if {@code subjectId} is {@code null}
     */
    public MatchCandidate {
        Objects.requireNonNull(subjectId, "subjectId");
    }
}
