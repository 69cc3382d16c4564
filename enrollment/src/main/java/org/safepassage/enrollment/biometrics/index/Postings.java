package org.safepassage.enrollment.biometrics.index;

import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * The inverted lists: for each hash key, one group of {@code stride} ints per entry that has it (the entry id first,
 * then its payload, if any), in the order added, so each list is sorted by id. An open-addressing table from the key
 * to a list slot, and the lists as growable primitive arrays: 4 bytes per int plus at most 1.25x growth slack, no
 * boxing. Not thread-safe: the index guards it.
 */
final class Postings {
    private static final int[] EMPTY = new int[0];

    private final int stride;

    private long[] terms = new long[1 << 16];
    private int[] slots = new int[1 << 16];
    private int used;
    private int[][] lists = new int[1 << 12][];
    private int[] sizes = new int[1 << 12];
    private int listCount;
    private long postings;

    /** Lists of bare ids. */
    Postings() {
        this(1);
    }

    /** Lists of ids, each followed by {@code stride - 1} ints of payload. */
    Postings(final int stride) {
        this.stride = stride;
    }

    /** Appends a posting to a key's list (a list of bare ids). */
    void add(final long term, final int id) {
        final int slot = slot(term);
        final int[] list = grow(slot, 1);
        list[sizes[slot] - 1] = id;
    }

    /** Appends a posting with one int of payload to a key's list (stride 2). */
    void add(final long term, final int id, final int payload) {
        final int slot = slot(term);
        final int[] list = grow(slot, 2);
        list[sizes[slot] - 2] = id;
        list[sizes[slot] - 1] = payload;
    }

    private int slot(final long term) {
        final int slot = find(term);
        return slot < 0 ? insert(term) : slot;
    }

    private int[] grow(final int slot, final int ints) {
        final int size = sizes[slot];
        int[] list = lists[slot];
        if (size + ints > list.length) {
            list = Arrays.copyOf(list, Math.max(4, size + (size >> 2) + ints));
            lists[slot] = list;
        }
        sizes[slot] = size + ints;
        postings++;
        return list;
    }

    /** The list of a term (shared: do not modify), or an empty one; read its first {@link #size} entries. */
    int[] list(final long term) {
        final int slot = find(term);
        return slot < 0 ? EMPTY : lists[slot];
    }

    /** The ints in a term's list: postings times the stride. */
    int size(final long term) {
        final int slot = find(term);
        return slot < 0 ? 0 : sizes[slot];
    }

    long postings() {
        return postings;
    }

    int terms() {
        return listCount;
    }

    /** Bytes held, counting array headers, for the memory report. */
    long bytes() {
        long total = 16L + terms.length * 8L + 16 + slots.length * 4L + 16 + lists.length * 8L + 16 + sizes.length * 4L;
        for (int i = 0; i < listCount; i++) {
            total += 16 + lists[i].length * 4L;
        }
        return total;
    }

    /** Drops every posting that is not kept and rewrites the rest. */
    void retain(final IntPredicate keep, final IntUnaryOperator rewrite) {
        postings = 0;
        for (int i = 0; i < listCount; i++) {
            final int[] list = lists[i];
            int kept = 0;
            for (int j = 0; j < sizes[i]; j += stride) {
                if (keep.test(list[j])) {
                    list[kept] = rewrite.applyAsInt(list[j]);
                    System.arraycopy(list, j + 1, list, kept + 1, stride - 1);
                    kept += stride;
                }
            }
            sizes[i] = kept;
            lists[i] = kept == list.length ? list : Arrays.copyOf(list, kept);
            postings += kept / stride;
        }
    }

    private int find(final long term) {
        final int mask = terms.length - 1;
        for (int i = mix(term) & mask; ; i = (i + 1) & mask) {
            final int slot = slots[i];
            if (slot == 0) {
                return -1;
            }
            if (terms[i] == term) {
                return slot - 1;
            }
        }
    }

    private int insert(final long term) {
        if ((used + 1) * 4L > terms.length * 3L) {
            rehash();
        }
        final int mask = terms.length - 1;
        int i = mix(term) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        if (listCount == lists.length) {
            lists = Arrays.copyOf(lists, listCount * 2);
            sizes = Arrays.copyOf(sizes, listCount * 2);
        }
        terms[i] = term;
        slots[i] = listCount + 1;
        lists[listCount] = EMPTY;
        used++;
        return listCount++;
    }

    private void rehash() {
        final long[] oldTerms = terms;
        final int[] oldSlots = slots;
        terms = new long[oldTerms.length * 2];
        slots = new int[oldSlots.length * 2];
        final int mask = terms.length - 1;
        for (int j = 0; j < oldTerms.length; j++) {
            if (oldSlots[j] != 0) {
                int i = mix(oldTerms[j]) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                terms[i] = oldTerms[j];
                slots[i] = oldSlots[j];
            }
        }
    }

    /* Keys are packed cell numbers and cluster; a 64-bit finaliser (MurmurHash3's) spreads them over the table. */
    private static int mix(final long term) {
        long h = term;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }
}
