package org.safepassage.enrollment.vault;

import java.util.Optional;

/**
 * Where subjects' wrapped data keys live. {@link #inMemory()} serves tests and this slice; the PostgreSQL vault
 * implements the same contract in its own table, so that erasure can delete one row and shred a subject.
 *
 * <p>Implementations must be thread-safe.
 */
public interface DataKeyStore {
    /**
     * Stores a subject's first wrapped key.
     *
     * @param subjectId the subject
     * @param key the wrapped key
     * @return {@code false} if the subject already has a key (nothing is changed)
     */
    boolean insert(String subjectId, WrappedDataKey key);

    /**
     * Replaces a subject's wrapped key after re-wrapping under a new KEK.
     *
     * @param subjectId the subject
     * @param expected the key the caller read and re-wrapped
     * @param replacement the same data key wrapped under the current KEK
     * @return {@code false} if the stored key is no longer {@code expected} (destroyed or rotated meanwhile)
     */
    boolean replace(String subjectId, WrappedDataKey expected, WrappedDataKey replacement);

    /**
     * Reads a subject's wrapped key.
     *
     * @param subjectId the subject
     * @return the key, or empty if none was created or it was destroyed
     */
    Optional<WrappedDataKey> find(String subjectId);

    /**
     * Destroys a subject's wrapped key for good; the PostgreSQL implementation must delete the row, not flag it.
     *
     * @param subjectId the subject
     * @return {@code true} if a key was destroyed
     */
    boolean destroy(String subjectId);

    /**
     * A store in process memory, lost on exit.
     *
     * @return a new, empty store
     */
    static DataKeyStore inMemory() {
        return new InMemoryDataKeyStore();
    }
}
