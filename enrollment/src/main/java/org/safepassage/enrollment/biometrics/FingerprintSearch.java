package org.safepassage.enrollment.biometrics;

import com.machinezoo.sourceafis.FingerprintMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Fingerprint comparison: 1:1 verification, 1:N identification over a {@link Gallery}, and enrollment
 * deduplication, all at one configurable score threshold.
 *
 * <p>SourceAFIS scores are not probabilities; its documentation maps a threshold of 40 to a false match rate of
 * 0.01%, which is the {@linkplain #DEFAULT_THRESHOLD default}. Raise it to trade false matches for false non-matches.
 *
 * <p>Thread-safe. 1:N cost is linear in the gallery size (one SourceAFIS match per enrolled subject, tens of
 * microseconds each); the probe is indexed once per search.
 */
public final class FingerprintSearch {
    /** SourceAFIS's recommended threshold for a false match rate of 0.01%. */
    public static final double DEFAULT_THRESHOLD = 40;

    private static final Comparator<MatchCandidate> BEST_FIRST =
            Comparator.comparingDouble(MatchCandidate::score).reversed().thenComparing(MatchCandidate::subjectId);

    private final double threshold;

    private FingerprintSearch(final double threshold) {
        this.threshold = threshold;
    }

    /**
     * Creates a search at a given threshold.
     *
     * @param threshold the lowest score that counts as a match; positive and finite
     * @return the search
     * @throws IllegalArgumentException if the threshold is not positive and finite
     */
    public static FingerprintSearch withThreshold(final double threshold) {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("match threshold must be positive and finite, not " + threshold);
        }
        return new FingerprintSearch(threshold);
    }

    /**
     * The threshold in force.
     *
     * @return the lowest matching score
     */
    public double threshold() {
        return threshold;
    }

    /**
     * Compares a fresh scan with one enrolled template (1:1).
     *
     * @param probe the fresh scan's template
     * @param enrolled the referenced subject's template
     * @return the score and whether it reaches the threshold
     */
    public Verification verify(final FingerprintTemplateBytes probe, final FingerprintTemplateBytes enrolled) {
        Objects.requireNonNull(enrolled, "enrolled");
        final double score = matcher(probe).match(enrolled.template());
        return new Verification(score, threshold, score >= threshold);
    }

    /**
     * Finds the enrolled subject most similar to the probe (1:N).
     *
     * @param probe the fresh scan's template
     * @param gallery the enrolled templates
     * @return the best candidate at or above the threshold, or empty if nobody matches
     */
    public Optional<MatchCandidate> identify(final FingerprintTemplateBytes probe, final Gallery gallery) {
        return candidates(probe, gallery).stream().findFirst();
    }

    /**
     * Checks that a new enrollment's template matches nobody already enrolled.
     *
     * @param probe the template being enrolled
     * @param gallery everyone enrolled before (erased subjects already removed)
     * @return {@link Deduplication.Unique}, or a {@link Deduplication.DuplicateReferral} listing every hit
     */
    public Deduplication deduplicate(final FingerprintTemplateBytes probe, final Gallery gallery) {
        final List<MatchCandidate> hits = candidates(probe, gallery);
        return hits.isEmpty() ? new Deduplication.Unique() : new Deduplication.DuplicateReferral(hits);
    }

    private List<MatchCandidate> candidates(final FingerprintTemplateBytes probe, final Gallery gallery) {
        Objects.requireNonNull(gallery, "gallery");
        final FingerprintMatcher matcher = matcher(probe);
        final List<MatchCandidate> hits = new ArrayList<>();
        gallery.forEach((subjectId, template) -> {
            final double score = matcher.match(template.template());
            if (score >= threshold) {
                hits.add(new MatchCandidate(subjectId, score));
            }
        });
        hits.sort(BEST_FIRST);
        return hits;
    }

    private static FingerprintMatcher matcher(final FingerprintTemplateBytes probe) {
        return new FingerprintMatcher(Objects.requireNonNull(probe, "probe").template());
    }

    @Override
    public String toString() {
        return "FingerprintSearch[threshold=" + threshold + "]";
    }
}
