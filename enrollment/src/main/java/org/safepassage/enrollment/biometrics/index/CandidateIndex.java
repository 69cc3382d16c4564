package org.safepassage.enrollment.biometrics.index;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.safepassage.enrollment.biometrics.FingerprintTemplateBytes;
import org.safepassage.enrollment.biometrics.SearchThreads;

/**
 * A candidate index over a fingerprint gallery, ranking by one of two {@linkplain IndexParameters.Method methods}.
 *
 * <p>{@code TRIANGLES}: every triangle of an enrolled template's minutiae within a range of side lengths is keyed by
 * its quantised shape (Bhanu and Tan, IEEE TPAMI 25(5), 2003); each posting keeps the entry's id and the triangle's
 * quantised absolute geometry in two ints. A probe's triangles (with neighbouring bins near a bin edge) collect the
 * postings under their keys, each implying a rotation and translation; an entry's score is its largest cluster of
 * consistent transformations (Germain, Califano and Colville, IEEE CSE 4(4), 1997). See {@link TransformationVote}.
 *
 * <p>{@code MCC}, after Cappelli, Ferrara and Maltoni, "Fingerprint Indexing Based on
 * Minutia Cylinder-Code" (IEEE TPAMI 33(5), 2011): every enrolled template's {@linkplain CylinderCodes MCC cylinders}
 * are hashed by {@linkplain MinHashing locality-sensitive hashing} into inverted lists. A probe's cylinders are hashed
 * the same way; for each probe cylinder, every gallery entry collects the inverse-frequency weights of the lists in
 * which it collides with it, squared (one cylinder colliding on several hash functions is a likely mate, scattered
 * single collisions are what unrelated fingers produce); the sum over probe cylinders, divided by the square root of
 * the entry's cylinder count (so large templates do not win on volume), ranks the gallery. The best
 * {@linkplain IndexParameters#shortlistLength share} is the short list SourceAFIS then scores.
 *
 * <p>Safety: a probe with too few cylinders is searched exhaustively, an enrolled template with too few is on every
 * short list, and a gallery no larger than a short list is searched exhaustively. Removal makes an entry
 * unreachable at once; {@link #compact} reclaims its space; adding an existing key replaces it.
 *
 * <p>Thread-safe: searches share a read lock, changes take the write lock.
 */
public final class CandidateIndex {
    private static final int MAX_IDS = Integer.MAX_VALUE - 8;
    /* A bulk batch numbers its postings in this many bits beside the key (keys have 36 bits, 39 typed). */
    private static final int BULK_INDEX_BITS = 24;
    private static final int SNAPSHOT_VERSION = 1;
    /* Below this many entries a ranking takes a few milliseconds: not worth handing parts to other threads. */
    private static final int SPLIT_FROM = 50_000;

    private final IndexParameters parameters;
    private final CylinderCodes codes;
    private final MinHashing hashing;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final ThreadLocal<Scratch> scratch;
    private final TriangleKeys triangles;
    private final ThreadLocal<TransformationVote> votes;

    /* Guarded by lock. Ids grow with every add; a removed id stays dead until compact renumbers. */
    private final Postings postings;
    private final Map<String, Integer> ids = new HashMap<>();
    private String[] keys = new String[1024];
    private boolean[] unranked = new boolean[1024];
    private int[] cylinders = new int[1024];
    private int nextId;
    private int unrankedCount;

    private CandidateIndex(final IndexParameters parameters) {
        this(parameters, null);
    }

    private CandidateIndex(final IndexParameters parameters, final Postings restored) {
        this.parameters = parameters;
        this.codes = new CylinderCodes(parameters);
        this.hashing = new MinHashing(parameters, codes.bits());
        this.scratch = ThreadLocal.withInitial(Scratch::new);
        this.triangles = new TriangleKeys(parameters.triangles());
        this.votes = ThreadLocal.withInitial(() -> new TransformationVote(parameters.triangles()));
        this.postings = restored != null ? restored : byTriangles() ? new Postings(2) : new Postings();
    }

    private boolean byTriangles() {
        return parameters.method() == IndexParameters.Method.TRIANGLES;
    }

    /**
     * Creates an empty index.
     *
     * @param parameters the method's parameters
     * @return the index
     */
    public static CandidateIndex create(final IndexParameters parameters) {
        return new CandidateIndex(Objects.requireNonNull(parameters, "parameters"));
    }

    /**
     * The parameters in force.
     *
     * @return the parameters
     */
    public IndexParameters parameters() {
        return parameters;
    }

    /**
     * Computes what an entry is indexed under, without holding any lock: lets a bulk load hash templates on several
     * threads and only {@linkplain #add(String, Hashes) add} them under the lock.
     *
     * @param template an enrolled template
     * @return its hash entries
     */
    public Hashes hash(final FingerprintTemplateBytes template) {
        return hash(Objects.requireNonNull(template, "template").bytes());
    }

    /**
     * Computes what a serialised SourceAFIS template is indexed under, without parsing it for matching: a gallery
     * that keeps templates serialised (to save memory) indexes them straight from their bytes.
     *
     * @param serialized SourceAFIS template bytes
     * @return its hash values
     * @throws IllegalArgumentException if the bytes are not a SourceAFIS template
     */
    public Hashes hash(final byte[] serialized) {
        final TemplateMinutiae minutiae = TemplateMinutiae.parse(Objects.requireNonNull(serialized, "serialized"));
        if (byTriangles()) {
            final TriangleKeys.Features features = triangles.features(minutiae, false);
            return new Hashes(features.vertices(), features.keys(), new int[] {0, features.keys().length},
                    features.geometry());
        }
        final long[][] cylinders = codes.cylinders(minutiae);
        final long[] terms = new long[cylinders.length * hashing.functions()];
        final int[] starts = new int[cylinders.length + 1];
        int count = 0;
        for (int c = 0; c < cylinders.length; c++) {
            starts[c] = count;
            final int[] values = hashing.hashes(cylinders[c]);
            if (values != null) {
                for (int l = 0; l < values.length; l++) {
                    terms[count++] = (long) l << 32 | values[l];
                }
            }
        }
        starts[cylinders.length] = count;
        return new Hashes(cylinders.length, Arrays.copyOf(terms, count), starts, new int[0]);
    }

    /**
     * Adds or replaces an entry.
     *
     * @param key the gallery key
     * @param template its template
     */
    public void add(final String key, final FingerprintTemplateBytes template) {
        add(key, hash(template));
    }

    /**
     * Adds or replaces an entry from hash entries computed by {@link #hash}.
     *
     * @param key the gallery key
     * @param hashes its hash entries
     */
    public void add(final String key, final Hashes hashes) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(hashes, "hashes");
        lock.writeLock().lock();
        try {
            final int id = newIdLocked(key, hashes);
            if (byTriangles()) {
                // One posting per triangle: two triangles of one finger under one key imply different transformations.
                for (int i = 0; i < hashes.terms().length; i++) {
                    postings.add(hashes.terms()[i], id, hashes.payloads()[i]);
                }
                return;
            }
            addDistinctLocked(id, hashes);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Adds or replaces many entries under one hold of the write lock, appending each key's postings in one run
     * (sorted by key first) instead of one table lookup per posting: the bulk load's way. The same result as
     * {@link #add} for each in order.
     *
     * @param entries the gallery keys
     * @param hashes their hash entries, in the same order
     */
    public void addAll(final List<String> entries, final List<Hashes> hashes) {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(hashes, "hashes");
        if (entries.size() != hashes.size()) {
            throw new IllegalArgumentException("one hash entry per key");
        }
        long total = 0;
        for (final Hashes h : hashes) {
            total += Objects.requireNonNull(h, "hashes").terms().length;
        }
        if (!byTriangles() || total >= 1 << BULK_INDEX_BITS) {
            for (int i = 0; i < entries.size(); i++) {
                add(entries.get(i), hashes.get(i));
            }
            return;
        }
        lock.writeLock().lock();
        try {
            // Each posting as (key, its place in this batch) in one long, sorted: the runs of one key are contiguous
            // and, within a run, in the order of the batch, so every list stays sorted by id.
            final long[] order = new long[(int) total];
            final int[] ints = new int[(int) total * 2];
            int n = 0;
            for (int e = 0; e < entries.size(); e++) {
                final Hashes h = hashes.get(e);
                final int id = newIdLocked(Objects.requireNonNull(entries.get(e), "key"), h);
                for (int i = 0; i < h.terms().length; i++) {
                    final long term = h.terms()[i];
                    if (term < 0 || term >= 1L << (63 - BULK_INDEX_BITS)) {
                        throw new IllegalArgumentException("a triangle key out of range");
                    }
                    order[n] = term << BULK_INDEX_BITS | n;
                    ints[2 * n] = id;
                    ints[2 * n + 1] = h.payloads()[i];
                    n++;
                }
            }
            Arrays.sort(order);
            final int[] run = new int[(int) total * 2];
            for (int from = 0; from < n; ) {
                final long term = order[from] >>> BULK_INDEX_BITS;
                int to = from;
                int m = 0;
                while (to < n && order[to] >>> BULK_INDEX_BITS == term) {
                    final int p = (int) (order[to] & ((1 << BULK_INDEX_BITS) - 1));
                    run[m++] = ints[2 * p];
                    run[m++] = ints[2 * p + 1];
                    to++;
                }
                postings.addRun(term, run, 0, m);
                from = to;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /* A fresh id for an entry (replacing any it had), with its flags; under the write lock. */
    private int newIdLocked(final String key, final Hashes hashes) {
        removeLocked(key);
        if (nextId == MAX_IDS) {
            compactLocked();
            if (nextId == MAX_IDS) {
                throw new IllegalStateException("the index holds its maximum of " + MAX_IDS + " entries");
            }
        }
        if (nextId == keys.length) {
            keys = Arrays.copyOf(keys, nextId * 2);
            unranked = Arrays.copyOf(unranked, nextId * 2);
            cylinders = Arrays.copyOf(cylinders, nextId * 2);
        }
        final int id = nextId++;
        keys[id] = key;
        cylinders[id] = hashes.cylinders();
        ids.put(key, id);
        if (!rankable(hashes.cylinders(), hashes.terms().length)) {
            unranked[id] = true;
            unrankedCount++;
        }
        return id;
    }

    /* MCC: each list holds an entry once, however many of its cylinders share the value. */
    private void addDistinctLocked(final int id, final Hashes hashes) {
        final long[] terms = hashes.terms().clone();
        Arrays.sort(terms);
        for (int i = 0; i < terms.length; i++) {
            if (i == 0 || terms[i] != terms[i - 1]) {
                postings.add(terms[i], id);
            }
        }
    }

    /**
     * Drops the lists' growth slack (about a tenth of their memory after a bulk load); later additions grow the
     * lists they touch again. Holds the write lock for one copy of the lists that have slack.
     */
    public void trim() {
        lock.writeLock().lock();
        try {
            postings.trim();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Writes the live entries and their postings (renumbered, without removed entries) for {@link #readFrom}, under
     * the read lock: searches go on, changes wait.
     *
     * @param out where to; not closed
     * @throws IOException if writing fails
     */
    public void writeTo(final DataOutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        lock.readLock().lock();
        try {
            out.writeInt(SNAPSHOT_VERSION);
            out.writeUTF(stored(parameters));
            final int[] renumber = new int[nextId];
            int live = 0;
            for (int id = 0; id < nextId; id++) {
                renumber[id] = keys[id] == null ? -1 : live++;
            }
            out.writeInt(live);
            for (int id = 0; id < nextId; id++) {
                if (keys[id] != null) {
                    out.writeUTF(keys[id]);
                    out.writeInt(cylinders[id]);
                    out.writeBoolean(unranked[id]);
                }
            }
            postings.writeTo(out, renumber);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Reads an index written by {@link #writeTo} under the same parameters (the short list's length aside).
     *
     * @param in where from; not closed
     * @param parameters the parameters in force, which must be those it was written under
     * @return the index
     * @throws IOException if the stream is short, inconsistent or written under other parameters
     */
    public static CandidateIndex readFrom(final DataInputStream in, final IndexParameters parameters)
            throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(parameters, "parameters");
        if (in.readInt() != SNAPSHOT_VERSION || !in.readUTF().equals(stored(parameters))) {
            throw new IOException("the index was written by another version or under other parameters");
        }
        final int live = in.readInt();
        if (live < 0 || live >= MAX_IDS) {
            throw new IOException("not an index snapshot");
        }
        final String[] keys = new String[Math.max(1024, live)];
        final boolean[] unranked = new boolean[keys.length];
        final int[] cylinders = new int[keys.length];
        for (int id = 0; id < live; id++) {
            keys[id] = in.readUTF();
            cylinders[id] = in.readInt();
            unranked[id] = in.readBoolean();
        }
        final Postings read = Postings.readFrom(in, live);
        final CandidateIndex index = new CandidateIndex(parameters, read);
        if (read.stride() != (index.byTriangles() ? 2 : 1)) {
            throw new IOException("an index snapshot's postings are not of its method");
        }
        index.keys = keys;
        index.unranked = unranked;
        index.cylinders = cylinders;
        index.nextId = live;
        for (int id = 0; id < live; id++) {
            index.unrankedCount += unranked[id] ? 1 : 0;
            if (index.ids.put(keys[id], id) != null) {
                throw new IOException("an index snapshot names an entry twice");
            }
        }
        return index;
    }

    /* What of the parameters shapes the stored lists: all of them but the short list's length. */
    private static String stored(final IndexParameters parameters) {
        return parameters.withShortlist(0.01, 512).toString();
    }

    /**
     * Removes an entry: no search that starts after this returns will list it.
     *
     * @param key the gallery key
     * @return whether it was present
     */
    public boolean remove(final String key) {
        Objects.requireNonNull(key, "key");
        lock.writeLock().lock();
        try {
            return removeLocked(key);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private boolean removeLocked(final String key) {
        final Integer id = ids.remove(key);
        if (id == null) {
            return false;
        }
        keys[id] = null;
        if (unranked[id]) {
            unranked[id] = false;
            unrankedCount--;
        }
        return true;
    }

    /**
     * The keys of the live entries.
     *
     * @return a copy
     */
    public List<String> keys() {
        lock.readLock().lock();
        try {
            return List.copyOf(ids.keySet());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Entries in the index.
     *
     * @return live entries
     */
    public int size() {
        lock.readLock().lock();
        try {
            return ids.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Ranks the gallery for a probe.
     *
     * @param probe the probe's template
     * @return the short list, best first, or {@link Shortlist.Exhaustive} when the index must not narrow the search
     */
    public Shortlist shortlist(final FingerprintTemplateBytes probe) {
        return shortlist(probe, 0);
    }

    /**
     * Ranks the gallery for a probe with the id space split into a given number of parts, each ranked on its own
     * thread and their best merged: the same short list as one part, in less time on several cores. For measuring
     * and testing the split; {@link #shortlist(FingerprintTemplateBytes)} splits a large gallery into one part per
     * core. The MCC method does not split.
     *
     * @param probe the probe's template
     * @param parts how many parts, or 0 to let the index choose
     * @return the short list, best first, or {@link Shortlist.Exhaustive} when the index must not narrow the search
     */
    public Shortlist shortlist(final FingerprintTemplateBytes probe, final int parts) {
        Objects.requireNonNull(probe, "probe");
        if (parts < 0) {
            throw new IllegalArgumentException("parts must be 0 or more");
        }
        if (byTriangles()) {
            return shortlistByTriangles(triangles.features(TemplateMinutiae.parse(probe.bytes()), true), parts);
        }
        final Hashes hashes = hash(probe);
        lock.readLock().lock();
        try {
            final int live = ids.size();
            final int length = parameters.shortlistLength(live);
            if (hashes.cylinders() < parameters.minIndexedCylinders()) {
                return new Shortlist.Exhaustive(Shortlist.Why.PROBE_TOO_FEW_MINUTIAE);
            }
            if (live <= length) {
                return new Shortlist.Exhaustive(Shortlist.Why.SMALL_GALLERY);
            }
            final List<String> ranked = rank(hashes, length);
            return new Shortlist.Ranked(ranked, live, scratch.get().read);
        } finally {
            lock.readLock().unlock();
        }
    }

    /* Whether the index can rank a template with this many indexable features (cylinders, or triangle vertices). */
    private boolean rankable(final int features, final int terms) {
        return features >= parameters.minIndexedCylinders()
                && (!byTriangles() || terms >= parameters.triangles().minTriangles());
    }

    private Shortlist shortlistByTriangles(final TriangleKeys.Features probe, final int parts) {
        lock.readLock().lock();
        try {
            final int live = ids.size();
            final int length = parameters.shortlistLength(live);
            if (!rankable(probe.vertices(), probe.triangles())) {
                return new Shortlist.Exhaustive(Shortlist.Why.PROBE_TOO_FEW_MINUTIAE);
            }
            if (live <= length) {
                return new Shortlist.Exhaustive(Shortlist.Why.SMALL_GALLERY);
            }
            final Ranking ranking = rank(probe, parts > 0 ? parts : live >= SPLIT_FROM ? SearchThreads.cores() : 1,
                    live, length);
            final List<String> result = new ArrayList<>(length + unrankedCount);
            final boolean[] listed = new boolean[nextId];
            for (final long ranked : ranking.best()) {
                final int id = TransformationVote.id(ranked);
                result.add(keys[id]);
                listed[id] = true;
            }
            // Too few entries collided with the probe to fill the list: the rest in enrollment order, so a short
            // list always has its length and the search scores as many candidates as it would have anyway.
            for (int id = 0; id < nextId && result.size() < length; id++) {
                if (!listed[id] && keys[id] != null && !unranked[id]) {
                    result.add(keys[id]);
                }
            }
            if (unrankedCount > 0) {
                for (int id = 0; id < nextId; id++) {
                    if (unranked[id]) {
                        result.add(keys[id]);
                    }
                }
            }
            return new Shortlist.Ranked(result, live, ranking.votes());
        } finally {
            lock.readLock().unlock();
        }
    }

    private record Ranking(long[] best, long votes) {}

    /*
     * Under the read lock, which the caller holds until every part has answered: the parts only read. The caller
     * ranks the first part itself while the search threads take the others.
     */
    private Ranking rank(final TriangleKeys.Features probe, final int parts, final int live, final int length) {
        final long stopSize = (long) Math.ceil(parameters.maxBucketShare() * live);
        final double perEntry = parameters.triangles().votesPerEntry();
        final long budget = perEntry > 0 ? (long) Math.ceil(perEntry * live) : Long.MAX_VALUE;
        final IntPredicate rankable = id -> keys[id] != null && !unranked[id];
        final ShortlistBar bar = new ShortlistBar(length);
        final int ids = nextId;
        final List<ForkJoinTask<Ranking>> others = new ArrayList<>(parts - 1);
        for (int part = 1; part < parts; part++) {
            final int from = (int) ((long) ids * part / parts);
            final int to = (int) ((long) ids * (part + 1) / parts);
            others.add(SearchThreads.pool().submit(() -> rankPart(probe, from, to, rankable, stopSize, budget, bar)));
        }
        final List<long[]> best = new ArrayList<>(parts);
        final Ranking first;
        try {
            first = rankPart(probe, 0, (int) ((long) ids / parts), rankable, stopSize, budget, bar);
        } catch (RuntimeException | Error failure) {
            // The caller releases the read lock when this returns: no part may still be reading the lists then.
            others.forEach(ForkJoinTask::quietlyJoin);
            throw failure;
        }
        best.add(first.best());
        long cast = first.votes();
        for (final ForkJoinTask<Ranking> other : others) {
            final Ranking ranking = other.join();
            best.add(ranking.best());
            cast += ranking.votes();
        }
        return new Ranking(parts == 1 ? first.best() : TransformationVote.merge(best, length), cast);
    }

    private Ranking rankPart(final TriangleKeys.Features probe, final int from, final int to,
            final IntPredicate rankable, final long stopSize, final long budget, final ShortlistBar bar) {
        final TransformationVote vote = votes.get();
        final long[] best = vote.rank(probe, postings, from, to, rankable, stopSize, budget, bar);
        return new Ranking(best, vote.votes());
    }

    /* Under the read lock. */
    private List<String> rank(final Hashes probe, final int length) {
        final Scratch s = scratch.get();
        s.ensure(nextId);
        final float[] score = s.score;
        final float[] local = s.local;
        final int live = Math.max(1, ids.size());
        final long stopSize = (long) Math.ceil(parameters.maxBucketShare() * live);
        int touchedCount = 0;
        final long[] terms = probe.terms();
        s.read = 0;
        for (int c = 0; c < probe.cylinders(); c++) {
            int cylinderTouched = 0;
            for (int t = probe.starts()[c]; t < probe.starts()[c + 1]; t++) {
                final int size = postings.size(terms[t]);
                if (size == 0 || size > stopSize) {
                    continue;
                }
                // A value half the gallery shares says little; one a handful share says a lot (inverse frequency).
                final float weight = (float) Math.log(1 + (double) live / size);
                final int[] list = postings.list(terms[t]);
                s.read += size;
                for (int i = 0; i < size; i++) {
                    final int id = list[i];
                    if (local[id] == 0) {
                        s.cylinderTouched = push(s.cylinderTouched, cylinderTouched++, id);
                    }
                    local[id] += weight;
                }
            }
            for (int i = 0; i < cylinderTouched; i++) {
                final int id = s.cylinderTouched[i];
                final float w = local[id];
                local[id] = 0;
                if (score[id] == 0) {
                    s.touched = push(s.touched, touchedCount++, id);
                }
                score[id] += w * w;
            }
        }
        final float[] finals = new float[touchedCount];
        final int[] finalIds = new int[touchedCount];
        int candidates = 0;
        for (int i = 0; i < touchedCount; i++) {
            final int id = s.touched[i];
            final float value = score[id];
            score[id] = 0;
            if (keys[id] != null && !unranked[id]) {
                finals[candidates] = (float) (value / Math.sqrt(Math.max(1, cylinders[id])));
                finalIds[candidates++] = id;
            }
        }
        final int kept = Math.min(length, candidates);
        final float cutoff = kept == 0 ? Float.POSITIVE_INFINITY : kthLargest(Arrays.copyOf(finals, candidates), kept);
        long[] chosen = new long[kept];
        int chosenCount = 0;
        for (int i = 0; i < candidates; i++) {
            if (finals[i] >= cutoff) {
                if (chosenCount == chosen.length) {
                    chosen = Arrays.copyOf(chosen, chosenCount * 2 + 1);
                }
                // Best first: the (positive) score's bits order like the score; negated to sort descending.
                chosen[chosenCount++] = (long) -Float.floatToIntBits(finals[i]) << 32 | finalIds[i];
            }
        }
        Arrays.sort(chosen, 0, chosenCount);
        final List<String> result = new ArrayList<>(kept + unrankedCount);
        for (int i = 0; i < Math.min(kept, chosenCount); i++) {
            result.add(keys[(int) chosen[i]]);
        }
        if (unrankedCount > 0) {
            for (int id = 0; id < nextId; id++) {
                if (unranked[id]) {
                    result.add(keys[id]);
                }
            }
        }
        return result;
    }

    /* Quickselect (Hoare partition): the k-th largest value, k counted from 1; reorders the array. */
    private static float kthLargest(final float[] a, final int k) {
        int lo = 0;
        int hi = a.length - 1;
        final int target = k - 1;
        while (lo < hi) {
            final float pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] > pivot) {
                    i++;
                }
                while (a[j] < pivot) {
                    j--;
                }
                if (i <= j) {
                    final float swap = a[i];
                    a[i++] = a[j];
                    a[j--] = swap;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                break;
            }
        }
        return a[target];
    }

    private static int[] push(final int[] array, final int index, final int value) {
        final int[] target = index < array.length ? array : Arrays.copyOf(array, array.length * 2);
        target[index] = value;
        return target;
    }

    /**
     * Reclaims the space of removed entries by renumbering the live ones. Cost is linear in the postings and
     * searches wait for it, so run it when the removed share is large (see {@link Statistics#deadEntries()}).
     */
    public void compact() {
        lock.writeLock().lock();
        try {
            compactLocked();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void compactLocked() {
        final int[] renumbered = new int[nextId];
        int live = 0;
        for (int id = 0; id < nextId; id++) {
            renumbered[id] = keys[id] == null ? -1 : live++;
        }
        postings.retain(id -> renumbered[id] >= 0, id -> renumbered[id]);
        final String[] newKeys = new String[Math.max(1024, live)];
        final boolean[] newUnranked = new boolean[newKeys.length];
        final int[] newCylinders = new int[newKeys.length];
        for (int id = 0; id < nextId; id++) {
            if (renumbered[id] >= 0) {
                newKeys[renumbered[id]] = keys[id];
                newUnranked[renumbered[id]] = unranked[id];
                newCylinders[renumbered[id]] = cylinders[id];
                ids.put(keys[id], renumbered[id]);
            }
        }
        keys = newKeys;
        unranked = newUnranked;
        cylinders = newCylinders;
        nextId = live;
    }

    /**
     * Figures for health checks, metrics and the benchmark.
     *
     * @return the index's size and memory
     */
    public Statistics statistics() {
        lock.readLock().lock();
        try {
            return new Statistics(ids.size(), nextId - ids.size(), unrankedCount, postings.terms(),
                    postings.postings(), postings.bytes() + keys.length * 9L + ids.size() * 48L);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * A template's hash values, computed outside the index's lock.
     *
     * @param cylinders indexable cylinders in the template (under the triangle method: minutiae that are a vertex of
     *     a keyed triangle)
     * @param terms one term (hash function in the high half, value in the low) per cylinder and function, grouped
     *     by cylinder; cylinders with too few set cells have none (under the triangle method: one key per triangle)
     * @param starts where each cylinder's terms begin in {@code terms}, and their end as the last element (under the
     *     triangle method: 0 and the number of terms)
     * @param payloads empty, or one int per term stored beside the entry's id (the triangle's packed geometry)
     */
    public record Hashes(int cylinders, long[] terms, int[] starts, int[] payloads) {
        /** Checks the arrays agree. */
        public Hashes {
            Objects.requireNonNull(terms, "terms");
            Objects.requireNonNull(starts, "starts");
            Objects.requireNonNull(payloads, "payloads");
            // Under the triangle method a template without triangles has no terms and no payloads either.
            if (payloads.length == 0 && terms.length > 0 ? starts.length != cylinders + 1
                    : payloads.length != terms.length && payloads.length != 0) {
                throw new IllegalArgumentException("one start per cylinder and an end, or one payload per term");
            }
        }
    }

    /**
     * The index's size.
     *
     * @param entries live entries
     * @param deadEntries removed entries whose postings remain until {@link #compact}
     * @param unranked entries with too few cylinders, put on every short list
     * @param keys distinct (hash function, value) lists
     * @param postings entries in all lists
     * @param approximateBytes heap held by the index, estimated from its arrays (the keys' strings not counted)
     */
    public record Statistics(int entries, int deadEntries, int unranked, int keys, long postings,
            long approximateBytes) {}

    /* Per-thread work arrays as long as the id space, all zero between searches. */
    private static final class Scratch {
        float[] score = new float[0];
        float[] local = new float[0];
        int[] touched = new int[1024];
        int[] cylinderTouched = new int[1024];
        long read;

        void ensure(final int ids) {
            if (score.length < ids) {
                score = new float[ids + (ids >> 2)];
                local = new float[score.length];
            }
        }
    }
}
