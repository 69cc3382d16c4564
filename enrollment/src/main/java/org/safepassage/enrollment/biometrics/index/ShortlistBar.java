package org.safepassage.enrollment.biometrics.index;

import java.util.Arrays;

/**
 * The score an entry must reach to make one probe's short list, as it rises while entries are scored: the highest
 * score that at least {@code length} entries scored so far reach. An entry that cannot reach it can be passed over.
 * Shared by the parts of a split ranking, so that each part passes over what the whole could (a bar per part would
 * be lower, and each part would score nearly a whole short list's worth more). Thread-safe.
 */
final class ShortlistBar {
    private final int length;
    private int[] counts = new int[64];
    private int atOrAbove;
    private volatile int bar;

    /**
     * A bar at 0 for a short list of {@code length} entries.
     *
     * @param length the short list's length
     */
    ShortlistBar(final int length) {
        if (length < 1) {
            throw new IllegalArgumentException("a short list holds at least one entry");
        }
        this.length = length;
    }

    int length() {
        return length;
    }

    /** The bar now; it only rises. */
    int bar() {
        return bar;
    }

    /**
     * Counts an entry's score.
     *
     * @param score the entry's score
     * @return whether it reaches the bar (before the bar rises for it)
     */
    synchronized boolean add(final int score) {
        if (score < bar) {
            return false;
        }
        if (score >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(score + 1, counts.length * 2));
        }
        counts[score]++;
        atOrAbove++;
        int raised = bar;
        while (atOrAbove - counts[raised] >= length) {
            atOrAbove -= counts[raised];
            raised++;
        }
        bar = raised;
        return true;
    }
}
