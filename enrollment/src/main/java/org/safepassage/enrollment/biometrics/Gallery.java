package org.safepassage.enrollment.biometrics;

import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The 1:N gallery: enrolled subjects' templates, by subject id. {@link #inMemory()} serves this slice and tests; the
 * PostgreSQL vault implements the same contract over encrypted templates. Erased subjects must be removed, so they
 * are never found again.
 *
 * <p>Implementations must be thread-safe; {@link #forEach} may see a snapshot.
 */
public interface Gallery {
    /**
     * Adds or replaces a subject's template (replacement = re-enrollment).
     *
     * @param subjectId the subject
     * @param template the template
     */
    void put(String subjectId, FingerprintTemplateBytes template);

    /**
     * Removes a subject, e.g. on erasure.
     *
     * @param subjectId the subject
     * @return {@code true} if the subject was present
     */
    boolean remove(String subjectId);

    /**
     * Reads one subject's template, for 1:1 verification against a referenced subject.
     *
     * @param subjectId the subject
     * @return the template, or empty if the subject is not enrolled
     */
    Optional<FingerprintTemplateBytes> find(String subjectId);

    /**
     * Visits every enrolled template once.
     *
     * @param visitor receives the subject id and its template
     */
    void forEach(BiConsumer<String, FingerprintTemplateBytes> visitor);

    /**
     * Counts enrolled subjects.
     *
     * @return the number of subjects
     */
    int size();

    /**
     * A gallery in process memory.
     *
     * @return a new, empty gallery
     */
    static Gallery inMemory() {
        return new InMemoryGallery();
    }
}
