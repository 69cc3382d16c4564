package org.safepassage.enrollment.gallery;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.safepassage.enrollment.biometrics.Deduplication;
import org.safepassage.enrollment.biometrics.FingerprintSearch;
import org.safepassage.enrollment.biometrics.FingerprintTemplateBytes;
import org.safepassage.enrollment.biometrics.Gallery;
import org.safepassage.enrollment.biometrics.MatchCandidate;
import org.safepassage.enrollment.biometrics.index.CandidateIndex;
import org.safepassage.enrollment.biometrics.index.IndexParameters;
import org.safepassage.enrollment.biometrics.index.Shortlist;
import org.safepassage.enrollment.subject.Finger;
import org.safepassage.enrollment.vault.SubjectVault;
import org.safepassage.enrollment.vault.VaultException;
import org.safepassage.enrollment.vault.VaultField;
import org.safepassage.service.api.ApiException;
import org.safepassage.service.db.Jdbc;

/**
 * The 1:N gallery of everyone enrolled: the templates are stored encrypted in the vault's {@code biometric} table,
 * and decrypted into memory once at start, because matching needs them in clear. A {@link CandidateIndex} follows
 * every change of the gallery (enrollment, renewal, erasure); when enabled it picks the short list each search
 * scores with SourceAFIS, and probes it cannot rank are scored against everyone. Erased subjects leave both at once.
 * Searches never touch commitments.
 *
 * <p>Several instances may share the database (issue 13). Each follows the others' changes through the
 * {@code gallery_change} table (written by a trigger on {@code biometric}, migration V3) and its NOTIFYs:
 * {@link #catchUp()} re-reads the templates of every subject changed after the last change number applied, so an
 * instance that missed notifications catches up instead of diverging; old rows are pruned
 * ({@link GalleryChangePruning}, migration V7), and one that fell further behind than the retention reloads
 * everything. Deduplication calls it under the {@link GalleryLock}, so it sees every enrollment committed anywhere
 * before it.
 *
 * <p>Loading runs in the background (the service answers health checks meanwhile) and every search waits for it:
 * until the whole gallery is in memory, searches are refused with 503 {@code GALLERY_NOT_READY}, never answered
 * from part of it.
 */
@Startup
@ApplicationScoped
public class EnrolledGallery {
    private static final Logger LOG = Logger.getLogger(EnrolledGallery.class);
    private static final String SEPARATOR = "/";

    private static final int LOAD_BATCH = 2_000;

    private final Gallery gallery = Gallery.inMemory();
    private final Map<String, Set<Finger>> fingersBySubject = new ConcurrentHashMap<>();
    private final GalleryReadiness readiness = new GalleryReadiness();
    /* Subjects with a template row the vault cannot open (damaged or altered); until mended they cannot be found. */
    private final Set<String> unreadable = ConcurrentHashMap.newKeySet();

    @Inject
    Jdbc jdbc;

    @Inject
    SubjectVault vault;

    @ConfigProperty(name = "safepassage.biometrics.match-threshold", defaultValue = "40")
    double threshold;

    /* Off until the index meets the hit-rate target on the agency's data: docs/biometrics.md has the measured
     * trade-off, and on the synthetic set the index still misses far more matches than the 0.5% allowed. */
    @ConfigProperty(name = "safepassage.biometrics.index.enabled", defaultValue = "false")
    boolean indexEnabled;

    /* Share of the gallery SourceAFIS scores per probe; see docs/biometrics.md for the measured trade-off. */
    @ConfigProperty(name = "safepassage.biometrics.index.penetration", defaultValue = "0.01")
    double penetration;

    @ConfigProperty(name = "safepassage.biometrics.index.min-shortlist", defaultValue = "512")
    int minShortlist;

    /* How the index ranks: "triangles" (minutia triangles and a transformation vote) or "mcc" (MCC + MinHash, the
     * first method, kept for comparison); see docs/biometrics.md. */
    @ConfigProperty(name = "safepassage.biometrics.index.method", defaultValue = "triangles")
    String indexMethod;

    /* Tests load synchronously so their first request never meets a gallery still loading. */
    @ConfigProperty(name = "safepassage.biometrics.gallery.load-in-background", defaultValue = "true")
    boolean loadInBackground;

    /* Where the index's sealed snapshot lives (see IndexSnapshot); none: the index is built from every template at
     * each start. A directory of this instance's own: instances sharing a database must not share it. */
    @ConfigProperty(name = "safepassage.biometrics.index.snapshot-dir")
    Optional<String> snapshotDirectory;

    /* Catch up even without a notification this often: a notification can be lost with its connection. */
    @ConfigProperty(name = "safepassage.biometrics.gallery.catch-up-every", defaultValue = "5s")
    Duration catchUpEvery;

    /* The follower's own connection, outside the pool: it LISTENs for as long as the service runs. */
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /* Guards the in-memory gallery against a catch-up and a local change interleaving. */
    private final Object changes = new Object();
    /* The number of the last gallery_change applied; guarded by changes. */
    private long appliedChange;
    /* Set once the load has read every row; catch-ups before it would race with the load. */
    private volatile boolean following;
    private GalleryFollower follower;
    /* Where the follower's connections come from; tests cut it off to prove the catch-up after a drop. */
    GalleryFollower.Connections followerConnections = this::followerConnection;
    /* How the follower's connection shows in pg_stat_activity; tests tell their instances apart by it. */
    String followerName = GalleryFollower.APPLICATION_NAME;

    private FingerprintSearch search;
    private IndexParameters parameters;
    /* Replaced once, by the load, when a snapshot is restored; searches wait for the load anyway. */
    private volatile CandidateIndex index;
    private IndexSnapshot snapshot;
    /* During the load only: the restored snapshot's entries not yet matched with a template read from the vault. */
    private Map<String, byte[]> restoredDigests;
    /* Templates the load hashed (all of them without a usable snapshot), and restored entries it dropped. */
    private final java.util.concurrent.atomic.AtomicLong rehashed = new java.util.concurrent.atomic.AtomicLong();
    private long droppedFromSnapshot;
    /* Whether the gallery changed since the snapshot was written (or read); guarded by changes. */
    private boolean changedSinceSnapshot;
    /* Told of every subject whose templates change in memory after the load (true) or leave it (false). */
    private final List<ChangeListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Told of a subject whose templates changed in memory after the load, or left it. */
    @FunctionalInterface
    public interface ChangeListener {
        /**
         * @param subjectId the subject
         * @param present whether the subject has templates in memory now
         */
        void changed(String subjectId, boolean present);
    }

    /**
     * Registers a listener of changes after the load (enrollments, renewals, erasures, other instances' changes).
     *
     * @param listener called with the changes lock held: it must return at once
     */
    public void onChange(final ChangeListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    private void changed(final String subjectId, final boolean present) {
        listeners.forEach(listener -> listener.changed(subjectId, present));
    }

    @PostConstruct
    void start() {
        search = FingerprintSearch.withThreshold(threshold);
        final IndexParameters method = switch (indexMethod.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "triangles" -> IndexParameters.defaults();
            case "mcc" -> IndexParameters.mccDefaults();
            default -> throw new IllegalStateException("safepassage.biometrics.index.method must be triangles or mcc");
        };
        parameters = method.withShortlist(penetration, minShortlist);
        index = CandidateIndex.create(parameters);
        snapshot = snapshotDirectory.filter(dir -> !dir.isBlank())
                .map(dir -> new IndexSnapshot(java.nio.file.Path.of(dir), vault)).orElse(null);
        if (loadInBackground) {
            final Thread loader = new Thread(this::load, "gallery-load");
            loader.setDaemon(true);
            loader.start();
        } else {
            load();
        }
    }

    private void load() {
        try {
            final long started = System.nanoTime();
            // Read before the templates: a change committed during the load is applied again, which is harmless.
            synchronized (changes) {
                appliedChange = GalleryChangePruning.newestChange(jdbc);
            }
            final int total = jdbc.queryOne("select count(*) from biometric", row -> row.getInt(1)).orElse(0);
            LOG.infof("loading the 1:N gallery and its index: %d enrolled fingerprints", total);
            final boolean restored = restoreSnapshot();
            readiness.progress(0, total);
            final int[] loaded = {0};
            final List<Loaded> batch = new ArrayList<>(LOAD_BATCH);
            jdbc.query("select subject_id, finger, template from biometric", row -> {
                final String subjectId = row.getString(1);
                final Loaded template;
                try {
                    final Finger finger = Finger.valueOf(row.getString(2));
                    template = new Loaded(subjectId, finger, readable(
                            vault.decrypt(subjectId, templateField(finger), row.getBytes(3))));
                } catch (VaultException | IllegalArgumentException e) {
                    // A damaged or altered row must not keep every scan in the country waiting for a restart: the
                    // others load, and this one is named for an operator (health data, log) until it is mended.
                    unreadable.add(subjectId);
                    LOG.errorf("gallery: a template of %s cannot be read (%s); left out of the 1:N gallery",
                            subjectId, e.getMessage());
                    return null;
                }
                batch.add(template);
                if (batch.size() == LOAD_BATCH) {
                    loaded[0] += addAll(batch);
                    readiness.progress(loaded[0], total);
                    if (loaded[0] % 10_000 == 0) {
                        LOG.infof("gallery: %d of %d fingerprints loaded", loaded[0], total);
                    }
                }
                return null;
            });
            loaded[0] += addAll(batch);
            readiness.progress(loaded[0], total);
            settleSnapshot(restored);
            // Only now: a change applied while the load still streams rows could be overwritten by its older copy.
            following = true;
            catchUp();
            readiness.ready();
            follower = new GalleryFollower(followerConnections, this::catchUp, catchUpEvery);
            follower.start();
            LOG.infof("gallery ready: %d fingerprints of %d subjects in %d ms; %d hashed for the index (%s); index %s",
                    loaded[0], fingersBySubject.size(), (System.nanoTime() - started) / 1_000_000, rehashed.get(),
                    restored ? "snapshot restored" : "no snapshot", index.statistics());
            if (!unreadable.isEmpty()) {
                LOG.errorf("gallery: %d subjects have templates that cannot be read and cannot be identified: %s",
                        unreadable.size(), unreadable);
            }
        } catch (RuntimeException e) {
            readiness.failed(e.getClass().getSimpleName());
            LOG.error("the 1:N gallery failed to load: searches are refused until a restart", e);
        }
    }

    @PreDestroy
    void stop() {
        if (follower != null) {
            follower.stop();
        }
        synchronized (changes) {
            if (snapshot != null && following && changedSinceSnapshot) {
                writeSnapshot();
            }
        }
    }

    /* Reads the snapshot, if any: its entries are then kept for the templates whose digest it holds. */
    private boolean restoreSnapshot() {
        if (snapshot == null) {
            return false;
        }
        final long started = System.nanoTime();
        final Optional<IndexSnapshot.Restored> read = snapshot.read(parameters);
        read.ifPresent(restored -> {
            index = restored.index();
            restoredDigests = restored.digests();
            LOG.infof("gallery: index snapshot read in %d ms: %d entries", (System.nanoTime() - started) / 1_000_000,
                    restored.index().size());
        });
        return read.isPresent();
    }

    /*
     * After the load: restored entries no template claimed are gone from the vault (erased, or changed finger), so
     * they leave the index; then the index is trimmed and, if it is not what the snapshot holds, sealed again.
     */
    private void settleSnapshot(final boolean restored) {
        if (restoredDigests != null) {
            for (final String key : restoredDigests.keySet()) {
                index.remove(key);
                droppedFromSnapshot++;
            }
            restoredDigests = null;
        }
        if (!restored || rehashed.get() > 0) {
            index.trim();
        }
        if (snapshot != null && (!restored || rehashed.get() > 0 || droppedFromSnapshot > 0) && gallery.size() > 0) {
            synchronized (changes) {
                writeSnapshot();
            }
        }
    }

    /* Called with the changes lock held, so the index and the gallery agree while it is written. */
    private void writeSnapshot() {
        final long started = System.nanoTime();
        final Map<String, byte[]> digests = new java.util.HashMap<>(gallery.size() * 2);
        gallery.forEach((key, template) -> digests.put(key, IndexSnapshot.digest(key, template.bytes())));
        try {
            snapshot.write(index, digests);
            changedSinceSnapshot = false;
            LOG.infof("gallery: index snapshot of %d entries written in %d ms", digests.size(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.errorf("gallery: the index snapshot could not be written (%s); the next start rebuilds the index",
                    e.getMessage());
        }
    }

    /** Templates hashed for the index since start: all of them unless a snapshot was restored. */
    long rehashedTemplates() {
        return rehashed.get();
    }

    Connection followerConnection() throws SQLException {
        final Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", followerName);
        final Connection connection = new org.postgresql.Driver().connect(jdbcUrl, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL URL: " + jdbcUrl);
        }
        return connection;
    }

    /**
     * Applies every gallery change committed after the last one applied, made by this instance or another: each
     * changed subject's templates are read again from the vault, and a subject with none left leaves the gallery.
     * If changes after the last one applied were pruned meanwhile (this instance fell further behind than
     * {@link GalleryChangePruning}'s retention), the whole gallery is read again instead. Inside a transaction it
     * reads through that transaction's connection.
     */
    public void catchUp() {
        if (!following) {
            return; // the load is still reading; it catches up itself before it declares the gallery ready
        }
        synchronized (changes) {
            final long after = appliedChange;
            final List<Change> pending = jdbc.query("select seq, subject_id from gallery_change where seq > ? "
                    + "order by seq", row -> new Change(row.getLong(1), row.getString(2)), after);
            // Read after the rows: a pruning between the two reads costs a needless reload, never a missed change.
            if (GalleryChangePruning.prunedUpTo(jdbc) > after) {
                reloadEverything(after);
                return;
            }
            if (pending.isEmpty()) {
                return;
            }
            final Set<String> subjects = new LinkedHashSet<>();
            pending.forEach(change -> subjects.add(change.subjectId()));
            for (String subjectId : subjects) {
                reload(subjectId);
            }
            appliedChange = pending.get(pending.size() - 1).seq();
            LOG.debugf("gallery: changes %d to %d applied (%d subjects)", after + 1, appliedChange, subjects.size());
        }
    }

    /**
     * Adds many subjects' templates at once, already committed to the vault, the way the load at start does (hashing
     * on all cores, then one pass under the changes lock), and marks their {@code gallery_change} rows applied so the
     * follower does not read each of them back. For the load driver's synthetic galleries ({@link SyntheticGallery}).
     *
     * @param templates one template per subject, each under the given finger
     * @param finger the finger every template is enrolled as
     */
    void addBatch(final Map<String, FingerprintTemplateBytes> templates, final Finger finger) {
        final List<Loaded> batch = new ArrayList<>(templates.size());
        templates.forEach((subjectId, template) -> batch.add(new Loaded(subjectId, finger, template)));
        synchronized (changes) {
            addAll(batch);
            changedSinceSnapshot = true;
            if (!following) {
                return; // the load still runs and applies every change after it
            }
            final long after = appliedChange;
            final List<Change> pending = jdbc.query("select seq, subject_id from gallery_change where seq > ? "
                    + "order by seq", row -> new Change(row.getLong(1), row.getString(2)), after);
            if (GalleryChangePruning.prunedUpTo(jdbc) > after) {
                reloadEverything(after);
                return;
            }
            final Set<String> others = new LinkedHashSet<>();
            pending.stream().map(Change::subjectId).filter(id -> !templates.containsKey(id)).forEach(others::add);
            others.forEach(this::reload);
            if (!pending.isEmpty()) {
                appliedChange = pending.get(pending.size() - 1).seq();
            }
        }
    }

    /* The subject as the vault holds it now; called with the changes lock held. */
    private void reload(final String subjectId) {
        final Map<Finger, FingerprintTemplateBytes> templates = new EnumMap<>(Finger.class);
        try {
            jdbc.query("select finger, template from biometric where subject_id = ?", row -> {
                final Finger finger = Finger.valueOf(row.getString(1));
                templates.put(finger, readable(vault.decrypt(subjectId, templateField(finger), row.getBytes(2))));
                return null;
            }, subjectId);
        } catch (VaultException | IllegalArgumentException e) {
            // Most often erased between the two reads (the key is gone), and that erasure is a later change which
            // removes it then. Otherwise the row is damaged or altered: kept as it was, for an operator, rather than
            // blocking every change after it.
            LOG.errorf("gallery: the vault's templates of %s cannot be read (%s); kept as they were in memory",
                    subjectId, e.getMessage());
            unreadable.add(subjectId);
            return;
        }
        apply(subjectId, templates);
    }

    /* The subject's templates as the vault holds them now, in memory; called with the changes lock held. */
    private void apply(final String subjectId, final Map<Finger, FingerprintTemplateBytes> templates) {
        unreadable.remove(subjectId);
        if (templates.equals(inMemory(subjectId))) {
            // Most often this instance's own change, already applied: re-adding would only leave dead index entries.
            return;
        }
        removeInMemory(subjectId);
        changedSinceSnapshot = true;
        if (templates.isEmpty()) {
            forgetSnapshot();
        }
        templates.forEach((finger, template) -> put(subjectId, finger, template));
        changed(subjectId, !templates.isEmpty());
    }

    /*
     * Changes after the one last applied were pruned before this instance read them (it fell further behind than the
     * retention, cut off from the database): which subjects changed is no longer known, so every subject in the vault
     * is compared with memory, and those in memory with no template left leave it. Called with the changes lock held;
     * searches go on meanwhile, from the gallery as it was.
     */
    private void reloadEverything(final long after) {
        // Read before the templates, as the load does: a change committed meanwhile is applied again, harmlessly.
        final long upTo = GalleryChangePruning.newestChange(jdbc);
        LOG.warnf("gallery: changes after number %d were pruned before this instance applied them; "
                + "reloading the whole gallery", after);
        final Set<String> stored = new java.util.HashSet<>();
        final Map<Finger, FingerprintTemplateBytes> templates = new EnumMap<>(Finger.class);
        final String[] current = {null};
        final boolean[] damaged = {false};
        final Runnable settle = () -> {
            if (current[0] == null) {
                return;
            }
            if (damaged[0]) {
                LOG.errorf("gallery: the vault's templates of %s cannot be read; kept as they were in memory",
                        current[0]);
                unreadable.add(current[0]);
            } else {
                apply(current[0], new EnumMap<>(templates));
            }
        };
        jdbc.query("select subject_id, finger, template from biometric order by subject_id", row -> {
            final String subjectId = row.getString(1);
            if (!subjectId.equals(current[0])) {
                settle.run();
                current[0] = subjectId;
                templates.clear();
                damaged[0] = false;
                stored.add(subjectId);
            }
            try {
                final Finger finger = Finger.valueOf(row.getString(2));
                templates.put(finger, FingerprintTemplateBytes.fromBytes(
                        vault.decrypt(subjectId, templateField(finger), row.getBytes(3))));
            } catch (VaultException | IllegalArgumentException e) {
                damaged[0] = true;
            }
            return null;
        });
        settle.run();
        for (String subjectId : List.copyOf(fingersBySubject.keySet())) {
            if (!stored.contains(subjectId)) {
                apply(subjectId, Map.of());
            }
        }
        unreadable.retainAll(stored);
        appliedChange = upTo;
        LOG.infof("gallery: reloaded, %d subjects; following from change %d", fingersBySubject.size(), upTo);
    }

    private Map<Finger, FingerprintTemplateBytes> inMemory(final String subjectId) {
        final Map<Finger, FingerprintTemplateBytes> templates = new EnumMap<>(Finger.class);
        for (Finger finger : fingersBySubject.getOrDefault(subjectId, Set.of())) {
            gallery.find(key(subjectId, finger)).ifPresent(template -> templates.put(finger, template));
        }
        return templates;
    }

    private record Change(long seq, String subjectId) {}

    /*
     * Hashing is the costly part of indexing and needs no lock: done on all cores, then added in one bulk pass. A
     * template whose entry a restored snapshot holds, hashed from these very bytes, is not hashed again.
     */
    private int addAll(final List<Loaded> batch) {
        final Map<String, byte[]> reusable = restoredDigests;
        final List<String> keys = new ArrayList<>(batch.size());
        final boolean[] kept = new boolean[batch.size()];
        for (final Loaded entry : batch) {
            keys.add(key(entry.subjectId(), entry.finger()));
        }
        final List<Integer> fresh = new ArrayList<>(batch.size());
        final byte[][] digests = new byte[batch.size()][];
        if (reusable != null) {
            for (int i = 0; i < batch.size(); i++) {
                digests[i] = reusable.remove(keys.get(i));
            }
            // A digest per template: about 10 CPU-seconds at 1,000,000, so on every core too.
            java.util.stream.IntStream.range(0, batch.size()).parallel().forEach(i -> kept[i] = digests[i] != null
                    && java.security.MessageDigest.isEqual(digests[i],
                            IndexSnapshot.digest(keys.get(i), batch.get(i).template().bytes())));
        }
        for (int i = 0; i < batch.size(); i++) {
            if (!kept[i]) {
                fresh.add(i);
            }
        }
        final List<CandidateIndex.Hashes> hashes = fresh.parallelStream()
                .map(i -> index.hash(batch.get(i).template())).toList();
        index.addAll(fresh.stream().map(keys::get).toList(), hashes);
        rehashed.addAndGet(fresh.size());
        for (int i = 0; i < batch.size(); i++) {
            final Loaded entry = batch.get(i);
            gallery.put(keys.get(i), kept(entry.template()));
            fingersBySubject.computeIfAbsent(entry.subjectId(), id -> ConcurrentHashMap.newKeySet())
                    .add(entry.finger());
        }
        final int count = batch.size();
        batch.clear();
        return count;
    }

    private record Loaded(String subjectId, Finger finger, FingerprintTemplateBytes template) {}

    /**
     * Subjects with a template row that could not be read at the load or at a later change: damaged or altered in the
     * database. They cannot be identified until the row is mended (or the subject re-enrolled), so the readiness
     * check shows their number.
     */
    public Set<String> unreadable() {
        return Set.copyOf(unreadable);
    }

    /** Whether every enrolled template is loaded and indexed, for the readiness check. */
    public boolean ready() {
        return readiness.isReady();
    }

    /** The index's size and memory, for metrics. */
    public CandidateIndex.Statistics indexStatistics() {
        return index.statistics();
    }

    /** The vault field name of a finger's template: binds the ciphertext to the subject and the finger. */
    public static VaultField templateField(final Finger finger) {
        return VaultField.template(finger.name());
    }

    public void add(final String subjectId, final Map<Finger, FingerprintTemplateBytes> templates) {
        synchronized (changes) {
            if (templates.equals(inMemory(subjectId))) {
                return; // the follower was first with this change
            }
            changedSinceSnapshot = true;
            templates.forEach((finger, template) -> put(subjectId, finger, template));
            changed(subjectId, true);
        }
    }

    public void remove(final String subjectId) {
        synchronized (changes) {
            removeInMemory(subjectId);
            forgetSnapshot();
            changed(subjectId, false);
        }
    }

    /* An erasure: no snapshot may outlive it (its key is destroyed); the next write seals the index without it. */
    private void forgetSnapshot() {
        changedSinceSnapshot = true;
        if (snapshot != null) {
            snapshot.forget();
        }
    }

    private void removeInMemory(final String subjectId) {
        final Set<Finger> fingers = fingersBySubject.remove(subjectId);
        if (fingers != null) {
            fingers.forEach(finger -> {
                gallery.remove(key(subjectId, finger)); // before the index: see candidates()
                index.remove(key(subjectId, finger));
            });
        }
    }

    public boolean contains(final String subjectId) {
        return fingersBySubject.containsKey(subjectId);
    }

    public int size() {
        return gallery.size();
    }

    /**
     * Every enrolled subject any probe matches, best first, each once with its best score. With the index enabled,
     * each probe is scored against its short list, or against everyone when the index cannot rank it; otherwise
     * against everyone.
     *
     * @throws ApiException {@code GALLERY_NOT_READY} while the gallery is loading
     */
    public List<MatchCandidate> candidates(final List<FingerprintTemplateBytes> probes) {
        readiness.require();
        final Map<String, Double> best = new LinkedHashMap<>();
        for (FingerprintTemplateBytes probe : probes) {
            // A template reaches the index before the gallery and leaves the gallery before the index, so a change
            // under way leaves the index ahead, never behind: every template a search can score is on a short list
            // it could make, and a listed key already gone from the gallery is skipped. An index behind the gallery
            // is out of step (a bug) and must never narrow a search. (Until 3 December the sizes had to be equal,
            // and a scan during any enrollment's few milliseconds searched every template: minutes at a million.)
            final boolean indexUsable = indexEnabled && index.size() >= gallery.size();
            final Deduplication result = indexUsable && index.shortlist(probe) instanceof Shortlist.Ranked ranked
                    ? search.deduplicate(probe, gallery, ranked.keys())
                    : search.deduplicate(probe, gallery);
            if (result instanceof Deduplication.DuplicateReferral referral) {
                for (MatchCandidate hit : referral.candidates()) {
                    best.merge(subjectOf(hit.subjectId()), hit.score(), Math::max);
                }
            }
        }
        final List<MatchCandidate> result = new ArrayList<>();
        best.forEach((subjectId, score) -> result.add(new MatchCandidate(subjectId, score)));
        result.sort(Comparator.comparingDouble(MatchCandidate::score).reversed()
                .thenComparing(MatchCandidate::subjectId));
        return result;
    }

    /**
     * 1:1: the best score of any probe against any of the subject's enrolled fingers, if it passes the threshold.
     *
     * @throws ApiException {@code GALLERY_NOT_READY} while the gallery is loading (the subject may not be in yet)
     */
    public Optional<MatchCandidate> verify(final String subjectId, final List<FingerprintTemplateBytes> probes) {
        readiness.require();
        double best = Double.NEGATIVE_INFINITY;
        for (Finger finger : fingersBySubject.getOrDefault(subjectId, Set.of())) {
            final Optional<FingerprintTemplateBytes> enrolled = gallery.find(key(subjectId, finger));
            for (FingerprintTemplateBytes probe : probes) {
                if (enrolled.isPresent()) {
                    final var verification = search.verify(probe, enrolled.get());
                    if (verification.matched()) {
                        best = Math.max(best, verification.score());
                    }
                }
            }
        }
        return best == Double.NEGATIVE_INFINITY ? Optional.empty() : Optional.of(new MatchCandidate(subjectId, best));
    }

    private void put(final String subjectId, final Finger finger, final FingerprintTemplateBytes template) {
        index.add(key(subjectId, finger), template); // before the gallery: see candidates()
        gallery.put(key(subjectId, finger), kept(template));
        fingersBySubject.computeIfAbsent(subjectId, id -> ConcurrentHashMap.newKeySet()).add(finger);
    }

    /*
     * With the index on, a search scores only its short list, so templates stay serialised (about 1 KiB each instead
     * of 12.5 KiB parsed) and the short list is parsed per search: what makes 1,000,000 fingers fit the heap. An
     * exhaustive fallback then parses every template it scores, which is slower but still right. With the index off
     * every search scores everyone, so they are parsed once here.
     */
    private FingerprintTemplateBytes readable(final byte[] decrypted) {
        return indexEnabled ? FingerprintTemplateBytes.serialized(decrypted) : FingerprintTemplateBytes.fromBytes(decrypted);
    }

    private FingerprintTemplateBytes kept(final FingerprintTemplateBytes template) {
        return indexEnabled ? template.unparsed() : template;
    }

    private static String key(final String subjectId, final Finger finger) {
        return subjectId + SEPARATOR + finger.name();
    }

    private static String subjectOf(final String key) {
        return key.substring(0, key.lastIndexOf(SEPARATOR));
    }
}
