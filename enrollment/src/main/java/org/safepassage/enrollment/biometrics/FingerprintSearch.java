package org.safepassage.enrollment.biometrics;

import com.machinezoo.sourceafis.FingerprintMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ForkJoinTask;

/**
 * Fingerprint comparison: 1:1 verification, 1:N identification over a {@link Gallery}, and enrollment
 * deduplication, all at one configurable score threshold.
 *
 * <p>SourceAFIS scores are not probabilities; its documentation maps a threshold of 40 to a false match rate of
 * 0.01%, which is the {@linkplain #DEFAULT_THRESHOLD default}. Raise it to trade false matches for false non-matches.
 *
 * <p>1:N cost is linear in the gallery size: one SourceAFIS match per enrolled template, tens of microseconds each
 * (see {@code docs/performance.md}). The probe is indexed once per search, and the gallery is split into as many
 * contiguous slices as the {@linkplain #parallelism() parallelism}, matched at the same time on a shared pool of one
 * thread per core. One matcher serves all slices: SourceAFIS documents {@link FingerprintMatcher#match} as safe to call
 * from several threads (the indexed probe is read-only; scratch state is per thread). Results do not depend on the
 * parallelism: candidates are always ordered by score, best first, then by subject id.
 *
 * <p>Immutable and thread-safe. Concurrent searches share the pool, so together they never use more threads for
 * matching than there are cores (plus the callers' own threads).
 */
public final class FingerprintSearch {
    /** SourceAFIS's recommended threshold for a false match rate of 0.01%. */
    public static final double DEFAULT_THRESHOLD = 40;

    private static final Comparator<MatchCandidate> BEST_FIRST =
            Comparator.comparingDouble(MatchCandidate::score).reversed().thenComparing(MatchCandidate::subjectId);

    /* Below this many templates per slice, handing work to another thread costs more than it saves. */
    private static final int MIN_SLICE = 64;

    private final double threshold;
    private final int parallelism;

    private FingerprintSearch(final double threshold, final int parallelism) {
        this.threshold = threshold;
        this.parallelism = parallelism;
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
        return new FingerprintSearch(threshold, SearchThreads.cores());
    }

    /**
     * The same search with another degree of parallelism for 1:N. The default is the number of available cores;
     * {@code 1} matches the whole gallery on the calling thread (e.g. where another layer already parallelises).
     *
     * @param workers how many slices of the gallery may be matched at the same time; at least 1
     * @return a search at the same threshold
     * @throws IllegalArgumentException if {@code workers} is less than 1
     */
    public FingerprintSearch withParallelism(final int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + workers);
        }
        return new FingerprintSearch(threshold, workers);
    }

    /**
     * How many slices of the gallery a 1:N search may match at the same time.
     *
     * @return the parallelism, at least 1
     */
    public int parallelism() {
        return parallelism;
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

    /**
     * Deduplicates against part of a gallery only: the short list a candidate index chose. Keys no longer in the
     * gallery (removed since the index answered) are skipped.
     *
     * @param probe the template being searched for
     * @param gallery the enrolled templates
     * @param shortlist the gallery keys to score
     * @return {@link Deduplication.Unique}, or a {@link Deduplication.DuplicateReferral} listing every hit among them
     */
    public Deduplication deduplicate(final FingerprintTemplateBytes probe, final Gallery gallery,
            final List<String> shortlist) {
        Objects.requireNonNull(gallery, "gallery");
        final List<Map.Entry<String, FingerprintTemplateBytes>> entries = new ArrayList<>(shortlist.size());
        for (final String key : shortlist) {
            gallery.find(key).ifPresent(template -> entries.add(Map.entry(key, template)));
        }
        final List<MatchCandidate> hits = candidates(probe, entries);
        return hits.isEmpty() ? new Deduplication.Unique() : new Deduplication.DuplicateReferral(hits);
    }

    private List<MatchCandidate> candidates(final FingerprintTemplateBytes probe, final Gallery gallery) {
        Objects.requireNonNull(gallery, "gallery");
        return candidates(probe, entries(gallery));
    }

    private List<MatchCandidate> candidates(final FingerprintTemplateBytes probe,
            final List<Map.Entry<String, FingerprintTemplateBytes>> entries) {
        final FingerprintMatcher matcher = matcher(probe);
        final int slices = Math.max(1, Math.min(parallelism, entries.size() / MIN_SLICE));
        final List<MatchCandidate> hits = new ArrayList<>();
        if (slices == 1) {
            hits.addAll(match(matcher, entries, 0, entries.size()));
        } else {
            // The caller matches the first slice itself while the pool takes the others.
            final List<ForkJoinTask<List<MatchCandidate>>> others = new ArrayList<>(slices - 1);
            for (int slice = 1; slice < slices; slice++) {
                final int from = bound(entries.size(), slices, slice);
                final int to = bound(entries.size(), slices, slice + 1);
                others.add(SearchThreads.pool().submit(() -> match(matcher, entries, from, to)));
            }
            hits.addAll(match(matcher, entries, 0, bound(entries.size(), slices, 1)));
            for (final ForkJoinTask<List<MatchCandidate>> other : others) {
                hits.addAll(other.join());
            }
        }
        hits.sort(BEST_FIRST);
        return hits;
    }

    private static int bound(final int size, final int slices, final int slice) {
        return (int) ((long) size * slice / slices);
    }

    private List<MatchCandidate> match(final FingerprintMatcher matcher,
            final List<Map.Entry<String, FingerprintTemplateBytes>> entries, final int from, final int to) {
        final List<MatchCandidate> hits = new ArrayList<>();
        for (int i = from; i < to; i++) {
            final Map.Entry<String, FingerprintTemplateBytes> entry = entries.get(i);
            final double score = matcher.match(entry.getValue().template());
            if (score >= threshold) {
                hits.add(new MatchCandidate(entry.getKey(), score));
            }
        }
        return hits;
    }

    /* The in-memory gallery hands out its immutable snapshot; any other gallery is copied once (cheap next to
     * matching) so it can be sliced. */
    private static List<Map.Entry<String, FingerprintTemplateBytes>> entries(final Gallery gallery) {
        if (gallery instanceof InMemoryGallery memory) {
            return memory.snapshot();
        }
        final List<Map.Entry<String, FingerprintTemplateBytes>> copy = new ArrayList<>(gallery.size());
        gallery.forEach((subjectId, template) -> copy.add(Map.entry(subjectId, template)));
        return copy;
    }

    private static FingerprintMatcher matcher(final FingerprintTemplateBytes probe) {
        return new FingerprintMatcher(Objects.requireNonNull(probe, "probe").template());
    }

    @Override
    public String toString() {
        return "FingerprintSearch[threshold=" + threshold + ", parallelism=" + parallelism + "]";
    }
}
