package org.safepassage.enrollment.biometrics.index;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
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
    /* Set by writeTo, dropped by any new list. */
    private long[] keyOfSlot;

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
        final int[] list = grow(slot, stride);
        list[sizes[slot] - 1] = id;
    }

    /** Appends a posting with one int of payload to a key's list (stride 2). */
    void add(final long term, final int id, final int payload) {
        final int slot = slot(term);
        final int[] list = grow(slot, stride);
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
        postings += ints / stride;
        return list;
    }

    /**
     * Appends a run of postings to one key's list with one lookup and at most one copy: the bulk load's way (one
     * lookup per posting is what made inserting the slow part of a rebuild).
     *
     * @param term the key
     * @param ints the postings, {@code stride} ints each
     * @param from the first int of the run
     * @param to the end of the run
     */
    void addRun(final long term, final int[] ints, final int from, final int to) {
        final int slot = slot(term);
        final int size = sizes[slot];
        if (size + to - from > lists[slot].length) {
            // An eighth at a time, not a quarter: a bulk load's peak is its slack (trimmed afterwards), at the price
            // of copying each list about eight times its final length over the load instead of four.
            lists[slot] = Arrays.copyOf(lists[slot], Math.max(4, size + (size >> 3) + to - from));
        }
        final int[] list = grow(slot, to - from);
        System.arraycopy(ints, from, list, sizes[slot] - (to - from), to - from);
    }

    /**
     * Drops the growth slack: every list, and the list table, to its exact length. After a bulk load, whose lists
     * grew by a quarter at a time; later appends grow a list again.
     */
    void trim() {
        for (int i = 0; i < listCount; i++) {
            if (lists[i].length != sizes[i]) {
                lists[i] = Arrays.copyOf(lists[i], sizes[i]);
            }
        }
        lists = Arrays.copyOf(lists, Math.max(1, listCount));
        sizes = Arrays.copyOf(sizes, lists.length);
    }

    /**
     * Writes the lists, keeping only postings whose id is mapped to a new one (not -1), renumbered.
     *
     * @param out where to
     * @param renumber new id by old id, -1 to drop
     */
    void writeTo(final DataOutputStream out, final int[] renumber) throws IOException {
        out.writeInt(stride);
        out.writeInt(listCount);
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        for (int i = 0; i < listCount; i++) {
            final int[] list = lists[i];
            int kept = 0;
            for (int j = 0; j < sizes[i]; j += stride) {
                kept += renumber[list[j]] >= 0 ? stride : 0;
            }
            if (buffer.capacity() < kept * 4) {
                buffer = ByteBuffer.allocate(kept * 4);
            }
            buffer.clear();
            for (int j = 0; j < sizes[i]; j += stride) {
                final int id = renumber[list[j]];
                if (id >= 0) {
                    buffer.putInt(id);
                    for (int k = 1; k < stride; k++) {
                        buffer.putInt(list[j + k]);
                    }
                }
            }
            out.writeLong(termOf(i));
            out.writeInt(kept);
            out.write(buffer.array(), 0, kept * 4);
        }
    }

    /**
     * Reads lists written by {@link #writeTo}, exactly sized.
     *
     * @param in where from
     * @param ids the id space: every id read must be below it
     * @return the lists
     * @throws IOException if the stream is short or inconsistent
     */
    static Postings readFrom(final DataInputStream in, final int ids) throws IOException {
        final int stride = in.readInt();
        final int count = in.readInt();
        if (stride < 1 || stride > 2 || count < 0) {
            throw new IOException("not an index snapshot's postings");
        }
        final Postings result = new Postings(stride);
        byte[] bytes = new byte[1 << 16];
        for (int i = 0; i < count; i++) {
            final long term = in.readLong();
            final int size = in.readInt();
            if (size < 0 || size % stride != 0 || result.find(term) >= 0) {
                throw new IOException("an index snapshot's list is inconsistent");
            }
            if (bytes.length < size * 4) {
                bytes = new byte[size * 4];
            }
            in.readFully(bytes, 0, size * 4);
            final int[] list = new int[size];
            ByteBuffer.wrap(bytes, 0, size * 4).asIntBuffer().get(list);
            for (int j = 0; j < size; j += stride) {
                if (list[j] < 0 || list[j] >= ids || j > 0 && list[j] < list[j - stride]) {
                    throw new IOException("an index snapshot's list names an entry it does not hold");
                }
            }
            final int slot = result.insert(term);
            result.lists[slot] = list;
            result.sizes[slot] = size;
            result.postings += size / stride;
        }
        result.trim();
        return result;
    }

    /* The key of a list slot: a scan of the table (only for writing a snapshot, once per list). */
    private long termOf(final int slot) {
        if (keyOfSlot == null) {
            keyOfSlot = new long[listCount];
            for (int j = 0; j < terms.length; j++) {
                if (slots[j] != 0) {
                    keyOfSlot[slots[j] - 1] = terms[j];
                }
            }
        }
        return keyOfSlot[slot];
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

    int stride() {
        return stride;
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
        keyOfSlot = null;
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
