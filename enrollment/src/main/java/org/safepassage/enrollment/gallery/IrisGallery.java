package org.safepassage.enrollment.gallery;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.safepassage.enrollment.biometrics.iris.IrisCandidate;
import org.safepassage.enrollment.biometrics.iris.IrisCode;
import org.safepassage.enrollment.biometrics.iris.IrisMatcher;
import org.safepassage.enrollment.biometrics.iris.IrisScore;
import org.safepassage.enrollment.biometrics.iris.IrisSearch;
import org.safepassage.enrollment.subject.Eye;
import org.safepassage.enrollment.vault.SubjectVault;
import org.safepassage.enrollment.vault.VaultException;
import org.safepassage.enrollment.vault.VaultField;
import org.safepassage.service.db.Jdbc;

/**
 * The 1:N iris gallery: every enrolled eye's IrisCode, stored encrypted in the vault's {@code iris} table (migration
 * V5) and decrypted into one {@link IrisSearch} at start, as {@link EnrolledGallery} does for fingerprints. A search
 * compares every enrolled eye at every rotation (16 million comparisons a second on two cores, docs/performance.md),
 * so there is no candidate index.
 *
 * <p>Other instances' changes arrive through the same {@code gallery_change} numbering as fingerprints (a trigger on
 * {@code iris}): every search first re-reads the subjects changed after the last number it applied, one indexed query
 * when nothing changed. Removal rebuilds the packed search array (linear in the gallery; erasures are rare). A gallery
 * that fell further behind than {@link GalleryChangePruning}'s retention loads every eye again.
 */
@Startup
@ApplicationScoped
public class IrisGallery {
    private static final Logger LOG = Logger.getLogger(IrisGallery.class);
    private static final byte CODE_FORMAT = 1;

    @Inject
    Jdbc jdbc;

    @Inject
    SubjectVault vault;

    /* Daugman-normalised Hamming distance; 0.28 sits in the gap of the measured synthetic distributions. */
    @ConfigProperty(name = "safepassage.biometrics.iris.match-threshold", defaultValue = "0.28")
    double threshold;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /* Guarded by lock. */
    private final Map<String, Map<Eye, IrisCode>> bySubject = new LinkedHashMap<>();
    private IrisSearch search = new IrisSearch();
    private long appliedChange;

    /** One eye of an enrolled subject that a probe matched. */
    public record IrisMatch(String subjectId, Eye eye, IrisScore score) {}

    /** The vault field of one part of an enrolled eye: the associated data that binds a ciphertext to it. */
    public static VaultField field(final Eye eye, final Part part) {
        return VaultField.iris(eye.name(), part.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The parts of an enrolled eye the vault seals. */
    public enum Part {
        CODE, HELPER, SALT
    }

    @PostConstruct
    void start() {
        lock.writeLock().lock();
        try {
            loadAll();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /* Every stored eye into memory, replacing what was there; called with the write lock held. */
    private void loadAll() {
        appliedChange = GalleryChangePruning.newestChange(jdbc);
        bySubject.clear();
        final int[] loaded = {0};
        jdbc.query("select subject_id, eye, code from iris order by subject_id, eye", row -> {
            final String subjectId = row.getString(1);
            final Eye eye = Eye.valueOf(row.getString(2));
            try {
                putInMemory(subjectId, eye, decode(vault.decrypt(subjectId, field(eye, Part.CODE), row.getBytes(3))));
                loaded[0]++;
            } catch (VaultException | IllegalArgumentException e) {
                LOG.errorf("iris %s/%s cannot be read and is left out of the gallery: %s", subjectId, eye,
                        e.getMessage());
            }
            return null;
        });
        rebuild();
        LOG.infof("iris gallery loaded: %d eyes", loaded[0]);
    }

    /** Adds (or replaces) a subject's eyes once their rows are committed. */
    public void add(final String subjectId, final Map<Eye, IrisCode> eyes) {
        lock.writeLock().lock();
        try {
            final boolean replacing = bySubject.remove(subjectId) != null;
            eyes.forEach((eye, code) -> putInMemory(subjectId, eye, code));
            if (replacing) {
                rebuild();
            } else {
                eyes.forEach((eye, code) -> search.add(key(subjectId, eye), code));
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Forgets a subject at once (erasure, or an enrollment the ledger refused). */
    public void remove(final String subjectId) {
        lock.writeLock().lock();
        try {
            if (bySubject.remove(subjectId) != null) {
                rebuild();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Every enrolled eye any probe matches at or below the threshold, the best per subject, best first. Catches up
     * with other instances' changes first.
     */
    public List<IrisMatch> candidates(final List<IrisCode> probes) {
        catchUp();
        lock.readLock().lock();
        try {
            final Map<String, IrisMatch> best = new LinkedHashMap<>();
            for (final IrisCode probe : probes) {
                for (final IrisCandidate hit : search.search(probe, threshold)) {
                    final IrisMatch match = match(hit);
                    best.merge(match.subjectId(), match, (a, b) ->
                            a.score().normalizedDistance() <= b.score().normalizedDistance() ? a : b);
                }
            }
            final List<IrisMatch> sorted = new ArrayList<>(best.values());
            sorted.sort(Comparator.comparingDouble(m -> m.score().normalizedDistance()));
            return sorted;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** 1:1: the named subject's best eye against the probes, if it matches. */
    public Optional<IrisMatch> verify(final String subjectId, final List<IrisCode> probes) {
        catchUp();
        lock.readLock().lock();
        try {
            IrisMatch best = null;
            for (final Map.Entry<Eye, IrisCode> enrolled : bySubject.getOrDefault(subjectId, Map.of()).entrySet()) {
                for (final IrisCode probe : probes) {
                    final IrisScore score = IrisMatcher.compare(enrolled.getValue(), probe);
                    if (score.normalizedDistance() <= threshold
                            && (best == null || score.normalizedDistance() < best.score().normalizedDistance())) {
                        best = new IrisMatch(subjectId, enrolled.getKey(), score);
                    }
                }
            }
            return Optional.ofNullable(best);
        } finally {
            lock.readLock().unlock();
        }
    }

    public boolean contains(final String subjectId) {
        lock.readLock().lock();
        try {
            return bySubject.containsKey(subjectId);
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return search.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Applies every gallery change numbered after the last one applied: other instances' enrollments and erasures. */
    public void catchUp() {
        final long applied;
        lock.readLock().lock();
        try {
            applied = appliedChange;
        } finally {
            lock.readLock().unlock();
        }
        final List<Object[]> changes = jdbc.query("select seq, subject_id from gallery_change where seq > ? order by seq",
                row -> new Object[] {row.getLong(1), row.getString(2)}, applied);
        // Read after the rows (a pruning between the two costs a needless reload, never a missed change): changes
        // this gallery never applied were pruned, so which subjects changed is no longer known; it loads again.
        if (GalleryChangePruning.prunedUpTo(jdbc) > applied) {
            lock.writeLock().lock();
            try {
                if (GalleryChangePruning.prunedUpTo(jdbc) > appliedChange) {
                    LOG.warnf("iris gallery: changes after number %d were pruned before it applied them; reloading",
                            appliedChange);
                    loadAll();
                }
            } finally {
                lock.writeLock().unlock();
            }
            return;
        }
        if (changes.isEmpty()) {
            return;
        }
        lock.writeLock().lock();
        try {
            final java.util.Set<String> subjects = new java.util.LinkedHashSet<>();
            long last = appliedChange;
            for (final Object[] change : changes) {
                if ((long) change[0] > appliedChange) {
                    subjects.add((String) change[1]);
                    last = Math.max(last, (long) change[0]);
                }
            }
            boolean changed = false;
            for (final String subjectId : subjects) {
                final Map<Eye, IrisCode> stored = readStored(subjectId);
                if (stored == null) {
                    continue; // damaged: keep what we hold, as the fingerprint follower does
                }
                final Map<Eye, IrisCode> held = bySubject.get(subjectId);
                if (stored.equals(held == null ? Map.of() : held)) {
                    continue;
                }
                bySubject.remove(subjectId);
                stored.forEach((eye, code) -> putInMemory(subjectId, eye, code));
                changed = true;
            }
            if (changed) {
                rebuild();
            }
            appliedChange = last;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Map<Eye, IrisCode> readStored(final String subjectId) {
        final Map<Eye, IrisCode> eyes = new EnumMap<>(Eye.class);
        try {
            jdbc.query("select eye, code from iris where subject_id = ?", row -> {
                final Eye eye = Eye.valueOf(row.getString(1));
                eyes.put(eye, decode(vault.decrypt(subjectId, field(eye, Part.CODE), row.getBytes(2))));
                return null;
            }, subjectId);
            return eyes;
        } catch (VaultException | IllegalArgumentException e) {
            LOG.errorf("iris of %s cannot be read; the gallery keeps what it held: %s", subjectId, e.getMessage());
            return null;
        }
    }

    private void putInMemory(final String subjectId, final Eye eye, final IrisCode code) {
        bySubject.computeIfAbsent(subjectId, s -> new EnumMap<>(Eye.class)).put(eye, code);
    }

    private void rebuild() {
        final IrisSearch fresh = new IrisSearch();
        bySubject.forEach((subjectId, eyes) -> eyes.forEach((eye, code) -> fresh.add(key(subjectId, eye), code)));
        search = fresh;
    }

    private static String key(final String subjectId, final Eye eye) {
        return subjectId + "/" + eye.name();
    }

    private static IrisMatch match(final IrisCandidate hit) {
        final int slash = hit.subjectId().lastIndexOf('/');
        return new IrisMatch(hit.subjectId().substring(0, slash), Eye.valueOf(hit.subjectId().substring(slash + 1)),
                hit.score());
    }

    /** An IrisCode as the vault stores it: a format byte, then the code's and the mask's words, big-endian. */
    public static byte[] encode(final IrisCode code) {
        final ByteBuffer out = ByteBuffer.allocate(1 + 2 * IrisCode.WORDS * Long.BYTES);
        out.put(CODE_FORMAT);
        for (final long word : code.bits()) {
            out.putLong(word);
        }
        for (final long word : code.mask()) {
            out.putLong(word);
        }
        return out.array();
    }

    /** The inverse of {@link #encode}. */
    public static IrisCode decode(final byte[] bytes) {
        if (bytes.length != 1 + 2 * IrisCode.WORDS * Long.BYTES || bytes[0] != CODE_FORMAT) {
            throw new IllegalArgumentException("not a stored IrisCode");
        }
        final ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        final long[] bits = new long[IrisCode.WORDS];
        final long[] mask = new long[IrisCode.WORDS];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = in.getLong();
        }
        for (int i = 0; i < mask.length; i++) {
            mask[i] = in.getLong();
        }
        return new IrisCode(bits, mask);
    }
}
