package org.safepassage.enrollment.biometrics.index;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Ranks the gallery for a probe's triangle keys by a Hough vote over the transformation each collision implies
 * (after Germain, Califano and Colville, "Fingerprint matching using transformation parameter clustering", IEEE CSE
 * 4(4), 1997): a probe triangle and an enrolled triangle under the same key imply a rotation (the difference of their
 * first sides' directions) and a translation (the probe's centroid minus the enrolled centroid so rotated). A mate's
 * true collisions agree on one transformation; an unrelated finger's scatter. An entry's score is its largest
 * cluster: the most votes in one cell of rotation x translation x translation, over the grid and the grids shifted
 * by half a cell in each axis (so a cluster on a cell edge is not split), ties broken by the number of collisions.
 *
 * <p>All in primitive arrays, per thread: the votes are counted per entry, then written grouped by entry (a counting
 * sort), then each entry's cluster is found. An entry whose best pair of adjacent rotation half-cells cannot reach
 * the current short list's lowest score is not clustered at all (most entries, which is what makes it affordable).
 * Not thread-safe: one instance per thread.
 */
final class TransformationVote {
    private static final double[] COS = new double[TriangleKeys.TURN];
    private static final double[] SIN = new double[TriangleKeys.TURN];
    private static final int AXIS = 1024;

    static {
        for (int r = 0; r < TriangleKeys.TURN; r++) {
            COS[r] = Math.cos(2 * Math.PI * r / TriangleKeys.TURN);
            SIN[r] = Math.sin(2 * Math.PI * r / TriangleKeys.TURN);
        }
    }

    private final int halfTurns;
    private final double halfCell;
    private int[] count = new int[0];
    private int[] cursor = new int[0];
    private int[] touched = new int[1024];
    private int[] codes = new int[1024];
    private int[] cells = new int[64];
    private int[] keys = new int[64];
    private int[] rotations;
    private int[] houghCounts = new int[64];
    private long[] ranked = new long[1024];
    private long votes;

    TransformationVote(final TriangleParameters parameters) {
        this.halfTurns = 2 * parameters.rotationCells();
        this.halfCell = parameters.translationCell() / 2;
        this.rotations = new int[halfTurns];
    }

    /** Collisions of the last {@link #rank}: the votes cast. */
    long votes() {
        return votes;
    }

    /**
     * The best {@code length} live entries, best first (fewer if fewer collided with the probe).
     *
     * @param probe the probe's keys and geometry
     * @param postings lists of (id, packed geometry) pairs
     * @param ids the id space
     * @param rankable which ids may be listed (live and rankable)
     * @param stopSize lists with more postings than this are skipped
     * @param length the short list's length
     * @return entry ids
     */
    int[] rank(final TriangleKeys.Features probe, final Postings postings, final int ids,
            final IntPredicate rankable, final long stopSize, final int length) {
        if (count.length < ids) {
            count = new int[ids + (ids >> 2)];
            cursor = new int[count.length];
        }
        final long[] keys = probe.keys();
        final int[] geometry = probe.geometry();
        // 1. Count each entry's votes.
        int touchedCount = 0;
        long total = 0;
        for (final long key : keys) {
            final int size = postings.size(key);
            if (size == 0 || size / 2 > stopSize) {
                continue;
            }
            final int[] list = postings.list(key);
            for (int i = 0; i < size; i += 2) {
                final int id = list[i];
                if (count[id]++ == 0) {
                    touched = push(touched, touchedCount++, id);
                }
            }
            total += size / 2;
        }
        votes = total;
        if (codes.length < total) {
            codes = new int[(int) Math.min(Integer.MAX_VALUE - 8, total + (total >> 2))];
        }
        int start = 0;
        for (int t = 0; t < touchedCount; t++) {
            cursor[touched[t]] = start;
            start += count[touched[t]];
        }
        // 2. Cast them, grouped by entry: rotation in half-cells, translation in half-cells, one int each.
        for (int k = 0; k < keys.length; k++) {
            final int size = postings.size(keys[k]);
            if (size == 0 || size / 2 > stopSize) {
                continue;
            }
            final int[] list = postings.list(keys[k]);
            final int probeTurn = geometry[k] >>> 24;
            final double px = geometry[k] >>> 12 & 0xFFF;
            final double py = geometry[k] & 0xFFF;
            for (int i = 0; i < size; i += 2) {
                final int g = list[i + 1];
                final int turn = (probeTurn - (g >>> 24)) & (TriangleKeys.TURN - 1);
                final double gx = g >>> 12 & 0xFFF;
                final double gy = g & 0xFFF;
                final double tx = px - (COS[turn] * gx - SIN[turn] * gy);
                final double ty = py - (SIN[turn] * gx + COS[turn] * gy);
                codes[cursor[list[i]]++] = turn * halfTurns / TriangleKeys.TURN << 20 | axis(tx) << 10 | axis(ty);
            }
        }
        // 3. Cluster each entry that could still make the list; the length-th best score so far is the bar.
        int rankedCount = 0;
        int bar = 0;
        int atOrAbove = 0;
        Arrays.fill(houghCounts, 0);
        for (int t = 0; t < touchedCount; t++) {
            final int id = touched[t];
            final int n = count[id];
            count[id] = 0;
            final int end = cursor[id];
            if (!rankable.test(id) || bound(end - n, end) < bar) {
                continue;
            }
            final int hough = cluster(end - n, end, bar);
            if (hough >= houghCounts.length) {
                houghCounts = Arrays.copyOf(houghCounts, hough * 2);
            }
            houghCounts[hough]++;
            if (hough >= bar) {
                atOrAbove++;
                while (atOrAbove - houghCounts[bar] >= length) {
                    atOrAbove -= houghCounts[bar];
                    bar++;
                }
                if (rankedCount == ranked.length) {
                    ranked = Arrays.copyOf(ranked, rankedCount * 2);
                }
                // Best first when sorted ascending: the score (cluster, then collisions) negated, then the id.
                final long score = (long) Math.min(hough, 2047) << 20 | Math.min(n, (1 << 20) - 1);
                ranked[rankedCount++] = -score << 32 | id;
            }
        }
        Arrays.sort(ranked, 0, rankedCount);
        final int kept = Math.min(length, rankedCount);
        final int[] result = new int[kept];
        for (int i = 0; i < kept; i++) {
            result[i] = (int) ranked[i];
        }
        return result;
    }

    /* A translation in half-cells, offset so that any plausible one is positive; 10 bits. */
    private int axis(final double pixels) {
        return (int) Math.max(0, Math.min(AXIS - 1, Math.floor(pixels / halfCell) + AXIS / 2));
    }

    /* The most votes any cluster of this entry can hold: the best two adjacent rotation half-cells. */
    private int bound(final int from, final int to) {
        if (to - from <= 1) {
            return to - from;
        }
        Arrays.fill(rotations, 0);
        for (int i = from; i < to; i++) {
            rotations[codes[i] >>> 20]++;
        }
        int best = 0;
        for (int r = 0; r < halfTurns; r++) {
            best = Math.max(best, rotations[r] + rotations[(r + 1) % halfTurns]);
        }
        return best;
    }

    /*
     * The largest cell over the eight grids shifted by half a cell in each axis. A rotation cell is two adjacent
     * half-cells (the shifted grid's, any adjacent pair), so: for each pair that could beat the best so far (the
     * histogram left by bound()), the translation cells of its votes over the four shifted translation grids.
     */
    private int cluster(final int from, final int to, final int bar) {
        final int n = to - from;
        if (n <= 1) {
            return n;
        }
        if (cells.length < n) {
            cells = new int[n * 2];
            keys = new int[n * 2];
        }
        int best = 1;
        for (int r = 0; r < halfTurns; r++) {
            final int next = (r + 1) % halfTurns;
            final int window = rotations[r] + rotations[next];
            if (window <= best || window < bar) {
                continue;
            }
            int m = 0;
            for (int i = from; i < to; i++) {
                final int turn = codes[i] >>> 20;
                if (turn == r || turn == next) {
                    cells[m++] = codes[i] & 0xFFFFF;
                }
            }
            for (int shift = 0; shift < 4; shift++) {
                final int sx = shift & 1;
                final int sy = shift >> 1;
                for (int i = 0; i < m; i++) {
                    final int code = cells[i];
                    keys[i] = ((code >>> 10) + sx) >> 1 << 10 | ((code & (AXIS - 1)) + sy) >> 1;
                }
                Arrays.sort(keys, 0, m);
                for (int i = 1, run = 1; i < m; i++) {
                    run = keys[i] == keys[i - 1] ? run + 1 : 1;
                    best = Math.max(best, run);
                }
            }
        }
        return best;
    }

    private static int[] push(final int[] array, final int index, final int value) {
        final int[] target = index < array.length ? array : Arrays.copyOf(array, array.length * 2);
        target[index] = value;
        return target;
    }
}
