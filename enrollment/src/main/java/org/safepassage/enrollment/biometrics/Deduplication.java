package org.safepassage.enrollment.biometrics;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of the 1:N deduplication run before a subject is registered. A hit is never merged into the existing
 * record: it is referred to a supervisor, because a second enrollment of the same child under other "guardians" is
 * exactly what a trafficker would attempt.
 */
public sealed interface Deduplication permits Deduplication.Unique, Deduplication.DuplicateReferral {
    /** No enrolled subject scored at or above the threshold: enrollment may proceed. */
    record Unique() implements Deduplication {}

    /**
     * At least one enrolled subject scored at or above the threshold: enrollment must stop and go to a supervisor.
     *
     * @param candidates every hit, best first (more than one is itself suspicious)
     */
    record DuplicateReferral(List<MatchCandidate> candidates) implements Deduplication {
        /**
         * Checks there is at least one candidate and copies the list.
         *
         * @throws IllegalArgumentException if {@code candidates} is empty
         */
        public DuplicateReferral {
            candidates = List.copyOf(Objects.requireNonNull(candidates, "candidates"));
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("a duplicate referral needs at least one candidate");
            }
        }

        /**
         * The best-scoring enrolled subject.
         *
         * @return the first candidate
         */
        public MatchCandidate best() {
            return candidates.get(0);
        }
    }
}
