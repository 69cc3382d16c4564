package org.safepassage.enrollment.biometrics.iris;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * 1:N iris search over an in-memory gallery of packed codes: every enrolled code against the probe at every rotation
 * (-{@value IrisMatcher#MAX_SHIFT} to +{@value IrisMatcher#MAX_SHIFT} steps), returning those whose best normalised
 * distance is at or below the threshold, best first.
 *
 * <p>Speed comes from layout, not from shortcuts: the gallery is one flat {@code long[]} (code then mask, 64 words per
 * entry, read sequentially), the probe's 17 rotations are computed once per search instead of once per entry, and
 * each comparison is 32 words of XOR, AND and {@link Long#bitCount} (one POPCNT instruction on x86-64). The gallery
 * is split into slices searched in parallel on the common fork-join pool. Every entry is compared exhaustively, so
 * the result is exactly what a naive loop returns.
 *
 * <p>Not thread-safe while {@link #add} runs; searches may run concurrently with each other.
 */
public final class IrisSearch {
    private static final int ENTRY_WORDS = 2 * IrisCode.WORDS;
    private static final int SLICE = 4_096;

    private long[] entries = new long[ENTRY_WORDS * 1_024];
    private String[] subjects = new String[1_024];
    private int size;

    /**
     * Adds an enrolled code.
     *
     * @param subjectId the subject
     * @param code the code
     * @throws NullPointerException if an argument is {@code null}
     */
    public void add(final String subjectId, final IrisCode code) {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(code, "code");
        if (size == subjects.length) {
            subjects = Arrays.copyOf(subjects, size * 2);
            entries = Arrays.copyOf(entries, size * 2 * ENTRY_WORDS);
        }
        System.arraycopy(code.bits(), 0, entries, size * ENTRY_WORDS, IrisCode.WORDS);
        System.arraycopy(code.mask(), 0, entries, size * ENTRY_WORDS + IrisCode.WORDS, IrisCode.WORDS);
        subjects[size++] = subjectId;
    }

    /**
     * The number of enrolled codes.
     *
     * @return the gallery size
     */
    public int size() {
        return size;
    }

    /**
     * Searches the gallery.
     *
     * @param probe the fresh code
     * @param threshold the largest normalised distance reported, e.g. {@link IrisMatcher#DEFAULT_THRESHOLD}
     * @return the entries at or below the threshold, best first
     * @throws NullPointerException if {@code probe} is {@code null}
     */
    public List<IrisCandidate> search(final IrisCode probe, final double threshold) {
        final long[][] rotations = rotations(Objects.requireNonNull(probe, "probe"));
        final int slices = (size + SLICE - 1) / SLICE;
        return IntStream.range(0, slices)
                .parallel()
                .mapToObj(slice -> searchSlice(rotations, slice * SLICE, Math.min(size, (slice + 1) * SLICE), threshold))
                .flatMap(List::stream)
                .sorted(Comparator.comparingDouble(candidate -> candidate.score().normalizedDistance()))
                .collect(Collectors.toList());
    }

    /** Each rotation of the probe as code then mask, 64 words, laid out like a gallery entry. */
    private static long[][] rotations(final IrisCode probe) {
        final long[][] out = new long[IrisMatcher.ROTATIONS][];
        for (int r = 0; r < IrisMatcher.ROTATIONS; r++) {
            final IrisCode turned = probe.rotated(r - IrisMatcher.MAX_SHIFT);
            out[r] = new long[ENTRY_WORDS];
            System.arraycopy(turned.bits(), 0, out[r], 0, IrisCode.WORDS);
            System.arraycopy(turned.mask(), 0, out[r], IrisCode.WORDS, IrisCode.WORDS);
        }
        return out;
    }

    private List<IrisCandidate> searchSlice(final long[][] rotations, final int from, final int to,
            final double threshold) {
        final List<IrisCandidate> found = new ArrayList<>();
        final long[] data = entries;
        for (int e = from; e < to; e++) {
            final int base = e * ENTRY_WORDS;
            double best = Double.MAX_VALUE;
            int bestDisagree = 0;
            int bestCompared = 0;
            int bestRotation = 0;
            for (int r = 0; r < rotations.length; r++) {
                final long[] p = rotations[r];
                int disagree = 0;
                int compared = 0;
                for (int w = 0; w < IrisCode.WORDS; w++) {
                    final long both = data[base + IrisCode.WORDS + w] & p[IrisCode.WORDS + w];
                    compared += Long.bitCount(both);
                    disagree += Long.bitCount((data[base + w] ^ p[w]) & both);
                }
                final double distance =
                        IrisMatcher.normalize(compared == 0 ? 1.0 : (double) disagree / compared, compared);
                if (distance < best) {
                    best = distance;
                    bestDisagree = disagree;
                    bestCompared = compared;
                    bestRotation = r;
                }
            }
            if (best <= threshold) {
                final double raw = bestCompared == 0 ? 1.0 : (double) bestDisagree / bestCompared;
                found.add(new IrisCandidate(subjects[e],
                        new IrisScore(raw, best, bestCompared, bestRotation - IrisMatcher.MAX_SHIFT)));
            }
        }
        return found;
    }
}
