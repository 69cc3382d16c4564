package org.safepassage.enrollment.biometrics.index;

import java.util.Arrays;
import java.util.List;
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
 * <p>All in primitive arrays, per thread: the votes are counted per entry; entries are taken in descending order of
 * votes, since a cluster is never larger than its entry's votes; only the votes of entries that can still make the
 * list are cast (written grouped by entry) and clustered, each in one pass through a hash table of cells. An entry
 * whose best pair of adjacent rotation half-cells cannot reach the current short list's lowest score is not
 * clustered at all. The result is the same as clustering every entry (tested); it costs about half the CPU per vote
 * (docs/performance.md). Not thread-safe: one instance per thread.
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
    private int[] order = new int[1024];
    private int[] histogram = new int[64];
    private int[] codes = new int[1024];
    private int[] rotations;
    private final boolean[] open;
    private int[] cellKeys = new int[0];
    private int[] cellCounts = new int[0];
    private int[] cellStamps = new int[0];
    private int stamp;
    private int[][] lists = new int[256][];
    private int[] begins = new int[256];
    private int[] sizes = new int[256];
    private long[] ranked = new long[1024];
    private long votes;

    TransformationVote(final TriangleParameters parameters) {
        this.halfTurns = 2 * parameters.rotationCells();
        this.halfCell = parameters.translationCell() / 2;
        this.rotations = new int[halfTurns];
        this.open = new boolean[halfTurns];
    }

    /** Collisions of the last {@link #rank}: the votes cast. */
    long votes() {
        return votes;
    }

    /**
     * The best {@code length} live entries among the ids {@code [from, to)}, best first (fewer if fewer collided
     * with the probe). Which lists are read (the stop size, the budget) depends on the whole lists, not on the range,
     * so the best of each part of the id space, merged by {@link #merge}, are the best of the whole.
     *
     * @param probe the probe's keys and geometry
     * @param postings lists of (id, packed geometry) pairs, each sorted by id
     * @param from the first id to rank
     * @param to the id after the last one to rank
     * @param rankable which ids may be listed (live and rankable)
     * @param stopSize lists with more postings than this are skipped
     * @param budget the most votes to cast: beyond it, the longest lists are left out
     * @param bar the short list's bar, shared by the parts of one ranking (and its length)
     * @return at most the bar's length of entries as {@link #id}s with their scores, best first
     */
    long[] rank(final TriangleKeys.Features probe, final Postings postings, final int from, final int to,
            final IntPredicate rankable, final long stopSize, final long budget, final ShortlistBar bar) {
        final int length = bar.length();
        final int span = to - from;
        if (count.length < span) {
            count = new int[span + (span >> 2)];
            cursor = new int[count.length];
        }
        final long[] keys = probe.keys();
        final int[] geometry = probe.geometry();
        // 1. Count each entry's votes (looking each key's list up once: the rounds below read them again).
        if (lists.length < keys.length) {
            lists = new int[keys.length][];
            begins = new int[keys.length];
            sizes = new int[keys.length];
        }
        long asked = 0;
        for (int k = 0; k < keys.length; k++) {
            final int size = postings.size(keys[k]);
            final boolean read = size > 0 && size / 2 <= stopSize;
            sizes[k] = read ? size : 0;
            lists[k] = read ? postings.list(keys[k]) : null;
            asked += sizes[k] / 2;
        }
        if (asked > budget) {
            keepRarest(keys.length, budget);
        }
        // From here on each list is read only within [from, to): entries are counted by their place in the range.
        for (int k = 0; k < keys.length; k++) {
            final int size = sizes[k];
            begins[k] = size == 0 || lists[k][0] >= from ? 0 : position(lists[k], size, from);
            sizes[k] = size == 0 || lists[k][size - 2] < to ? size : position(lists[k], size, to);
        }
        int touchedCount = 0;
        int most = 0;
        long total = 0;
        for (int k = 0; k < keys.length; k++) {
            final int[] list = lists[k];
            for (int i = begins[k]; i < sizes[k]; i += 2) {
                final int local = list[i] - from;
                final int n = ++count[local];
                if (n == 1) {
                    touched = push(touched, touchedCount++, local);
                }
                most = Math.max(most, n);
            }
            total += (sizes[k] - begins[k]) / 2;
        }
        votes = total;
        // 2. Entries by votes, most first: a cluster is never larger than its entry's votes, so once an entry has
        // fewer votes than the bar, no later one can make the list, and their votes need not even be cast.
        final int[] byVotes = orderByVotes(touchedCount, most);
        int rankedCount = 0;
        int next = 0;
        while (next < touchedCount && count[byVotes[next]] >= Math.max(bar.bar(), 1)) {
            // 3. Cast the votes of the next round of entries, grouped by entry: rotation in half-cells, translations
            // in half-cells. The first round is the entries with the most votes (a few short lists' worth); the
            // second, if the bar is still below them, every entry left that can reach the bar. So each posting is
            // read at most three times.
            final int round = next;
            final int floor = round == 0
                    ? Math.max(bar.bar(), count[byVotes[Math.min(touchedCount, Math.max(4 * length, 1024)) - 1]])
                    : Math.max(bar.bar(), 1);
            final int ceiling = round == 0 ? Integer.MAX_VALUE : count[byVotes[round - 1]];
            int start = 0;
            while (next < touchedCount && count[byVotes[next]] >= floor) {
                cursor[byVotes[next]] = start;
                start += count[byVotes[next++]];
            }
            if (codes.length < start) {
                codes = new int[start + (start >> 2)];
            }
            cast(keys.length, geometry, from, floor, ceiling);
            // 4. Cluster them while they can still make the list; the length-th best score so far is the bar.
            for (int t = round; t < next; t++) {
                final int local = byVotes[t];
                final int n = count[local];
                final int reach = bar.bar();
                if (n < reach) {
                    break;
                }
                final int end = cursor[local];
                if (!rankable.test(from + local) || bound(end - n, end) < reach) {
                    continue;
                }
                final int hough = cluster(end - n, end, reach);
                if (hough >= reach && bar.add(hough)) {
                    if (rankedCount == ranked.length) {
                        ranked = Arrays.copyOf(ranked, rankedCount * 2);
                    }
                    // Best first when sorted ascending: the score (cluster, then collisions) negated, then the id.
                    final long score = (long) Math.min(hough, 2047) << 20 | Math.min(n, (1 << 20) - 1);
                    ranked[rankedCount++] = -score << 32 | from + local;
                }
            }
        }
        for (int t = 0; t < touchedCount; t++) {
            count[touched[t]] = 0;
        }
        Arrays.fill(lists, 0, keys.length, null); // not to keep a compacted index's old lists alive
        Arrays.sort(ranked, 0, rankedCount);
        return Arrays.copyOf(ranked, Math.min(length, rankedCount));
    }

    /** The entry id of a ranked entry. */
    static int id(final long ranked) {
        return (int) ranked;
    }

    /**
     * The best {@code length} of several parts' rankings: the same entries, in the same order, as one ranking of
     * the whole id space (scores and ties are ordered the same way in both).
     *
     * @param parts each part's {@link #rank}
     * @param length the short list's length
     * @return the merged ranking, best first
     */
    static long[] merge(final List<long[]> parts, final int length) {
        final long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return all.length <= length ? all : Arrays.copyOf(all, length);
    }

    /* Where a list's postings (pairs) with ids from {@code id} on begin, in ints. */
    private static int position(final int[] list, final int size, final int id) {
        int lo = 0;
        int hi = size / 2;
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (list[2 * mid] < id) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return 2 * lo;
    }

    /* Leaves out the longest lists until the rest fit the budget: rare keys say the most about which finger it is. */
    private void keepRarest(final int keyCount, final long budget) {
        final long[] bySize = new long[keyCount];
        for (int k = 0; k < keyCount; k++) {
            bySize[k] = (long) sizes[k] << 32 | k;
        }
        Arrays.sort(bySize);
        long kept = 0;
        for (final long entry : bySize) {
            final int k = (int) entry;
            kept += sizes[k] / 2;
            if (kept > budget) {
                sizes[k] = 0;
                lists[k] = null;
            }
        }
    }

    /* The touched entries by descending vote count (a counting sort: counts are small integers). */
    private int[] orderByVotes(final int touchedCount, final int most) {
        if (histogram.length < most + 2) {
            histogram = new int[most + 2];
        }
        Arrays.fill(histogram, 0, most + 2, 0);
        for (int t = 0; t < touchedCount; t++) {
            histogram[most - count[touched[t]] + 1]++;
        }
        for (int c = 1; c <= most + 1; c++) {
            histogram[c] += histogram[c - 1];
        }
        if (order.length < touchedCount) {
            order = new int[touched.length];
        }
        for (int t = 0; t < touchedCount; t++) {
            order[histogram[most - count[touched[t]]]++] = touched[t];
        }
        return order;
    }

    /* Writes the votes of the entries whose counts lie in [floor, ceiling) at their cursors. */
    private void cast(final int keyCount, final int[] geometry, final int from, final int floor, final int ceiling) {
        for (int k = 0; k < keyCount; k++) {
            final int size = sizes[k];
            final int[] list = lists[k];
            final int probeTurn = geometry[k] >>> 24;
            final double px = geometry[k] >>> 12 & 0xFFF;
            final double py = geometry[k] & 0xFFF;
            for (int i = begins[k]; i < size; i += 2) {
                final int local = list[i] - from;
                final int n = count[local];
                if (n < floor || n >= ceiling) {
                    continue;
                }
                final int g = list[i + 1];
                final int turn = (probeTurn - (g >>> 24)) & (TriangleKeys.TURN - 1);
                final double gx = g >>> 12 & 0xFFF;
                final double gy = g & 0xFFF;
                final double tx = px - (COS[turn] * gx - SIN[turn] * gy);
                final double ty = py - (SIN[turn] * gx + COS[turn] * gy);
                codes[cursor[local]++] = turn * halfTurns / TriangleKeys.TURN << 20 | axis(tx) << 10 | axis(ty);
            }
        }
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
     * The largest cell over the eight grids shifted by half a cell in each axis, in one pass: each vote counts in the
     * eight cells (one per grid) that hold it, in a hash table cleared by a new stamp per entry. Cells whose rotation
     * cell cannot reach the bar (its two half-cells, from the histogram bound() left) are not counted at all: a score
     * at or above the bar can only come from the others, and one below it is not listed anyway.
     */
    private int cluster(final int from, final int to, final int bar) {
        final int n = to - from;
        if (n <= 1) {
            return n;
        }
        final int turns = halfTurns / 2;
        boolean any = false;
        for (int cell = 0; cell < turns; cell++) {
            final int aligned = rotations[2 * cell] + rotations[2 * cell + 1];
            final int shifted = rotations[(2 * cell + halfTurns - 1) % halfTurns] + rotations[2 * cell];
            open[cell] = aligned >= 2 && aligned >= bar;
            open[turns + cell] = shifted >= 2 && shifted >= bar;
            any |= open[cell] | open[turns + cell];
        }
        if (!any) {
            return 1;
        }
        if (cellKeys.length < 16 * n) {
            final int size = Integer.highestOneBit(16 * n - 1) << 1;
            cellKeys = new int[size];
            cellCounts = new int[size];
            cellStamps = new int[size];
            stamp = 0;
        }
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(cellStamps, 0);
            stamp = 1;
        }
        final int mask = cellKeys.length - 1;
        final int hashShift = Integer.numberOfLeadingZeros(mask);
        int best = 1;
        for (int i = from; i < to; i++) {
            final int code = codes[i];
            final int half = code >>> 20;
            final int x = code >>> 10 & (AXIS - 1);
            final int y = code & (AXIS - 1);
            for (int sr = 0; sr < 2; sr++) {
                final int cell = ((half + sr) >> 1) % turns;
                if (!open[sr * turns + cell]) {
                    continue;
                }
                for (int shift = 0; shift < 4; shift++) {
                    final int sx = shift & 1;
                    final int sy = shift >> 1;
                    // grid (3 bits) | rotation cell (6) | translation cells (10 + 10): distinct per grid and cell.
                    final int key = (sr << 2 | shift) << 26 | cell << 20 | (x + sx) >> 1 << 10 | (y + sy) >> 1;
                    int slot = key * 0x9E3779B9 >>> hashShift;
                    while (cellStamps[slot] == stamp && cellKeys[slot] != key) {
                        slot = (slot + 1) & mask;
                    }
                    if (cellStamps[slot] != stamp) {
                        cellStamps[slot] = stamp;
                        cellKeys[slot] = key;
                        cellCounts[slot] = 0;
                    }
                    best = Math.max(best, ++cellCounts[slot]);
                }
            }
        }
        return best;
    }

    /**
     * The largest cluster of one entry's votes, for tests: votes as {@link #rank} packs them (rotation half-cell,
     * translation half-cells), with no bar.
     *
     * @param votes packed votes
     * @return the most votes in one cell of any of the eight grids
     */
    int largestCluster(final int[] votes) {
        if (codes.length < votes.length) {
            codes = new int[votes.length];
        }
        System.arraycopy(votes, 0, codes, 0, votes.length);
        bound(0, votes.length);
        return cluster(0, votes.length, 0);
    }

    private static int[] push(final int[] array, final int index, final int value) {
        final int[] target = index < array.length ? array : Arrays.copyOf(array, array.length * 2);
        target[index] = value;
        return target;
    }
}
