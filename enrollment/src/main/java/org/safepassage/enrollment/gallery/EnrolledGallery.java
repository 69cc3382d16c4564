package org.safepassage.enrollment.gallery;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.safepassage.enrollment.biometrics.FingerprintSearch;
import org.safepassage.enrollment.biometrics.FingerprintTemplateBytes;
import org.safepassage.enrollment.biometrics.Gallery;
import org.safepassage.enrollment.biometrics.MatchCandidate;
import org.safepassage.enrollment.subject.Finger;
import org.safepassage.enrollment.vault.SubjectVault;
import org.safepassage.service.db.Jdbc;

/**
 * The 1:N gallery of everyone enrolled: the templates are stored encrypted in the vault's {@code biometric} table,
 * and decrypted into memory once at start, because matching needs them in clear and a search visits all of them.
 * Erased subjects leave it at once. Searches never touch commitments.
 */
@Startup
@ApplicationScoped
public class EnrolledGallery {
    private static final Logger LOG = Logger.getLogger(EnrolledGallery.class);
    private static final String SEPARATOR = "/";

    private final Gallery gallery = Gallery.inMemory();
    private final Map<String, Set<Finger>> fingersBySubject = new ConcurrentHashMap<>();

    @Inject
    Jdbc jdbc;

    @Inject
    SubjectVault vault;

    @ConfigProperty(name = "safepassage.biometrics.match-threshold", defaultValue = "40")
    double threshold;

    private FingerprintSearch search;

    @PostConstruct
    void load() {
        search = FingerprintSearch.withThreshold(threshold);
        final long started = System.nanoTime();
        final int total = jdbc.queryOne("select count(*) from biometric", row -> row.getInt(1)).orElse(0);
        LOG.infof("loading the 1:N gallery: %d enrolled fingerprints", total);
        final int[] loaded = {0};
        jdbc.query("select subject_id, finger, template from biometric", row -> {
            final String subjectId = row.getString(1);
            final Finger finger = Finger.valueOf(row.getString(2));
            put(subjectId, finger, FingerprintTemplateBytes.fromBytes(
                    vault.decrypt(subjectId, templateField(finger), row.getBytes(3))));
            if (++loaded[0] % 10_000 == 0) {
                LOG.infof("gallery: %d of %d fingerprints loaded", loaded[0], total);
            }
            return null;
        });
        LOG.infof("gallery ready: %d fingerprints of %d subjects in %d ms", loaded[0], fingersBySubject.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The vault field name of a finger's template: binds the ciphertext to the subject and the finger. */
    public static String templateField(final Finger finger) {
        return "template:" + finger.name();
    }

    public void add(final String subjectId, final Map<Finger, FingerprintTemplateBytes> templates) {
        templates.forEach((finger, template) -> put(subjectId, finger, template));
    }

    public void remove(final String subjectId) {
        final Set<Finger> fingers = fingersBySubject.remove(subjectId);
        if (fingers != null) {
            fingers.forEach(finger -> gallery.remove(key(subjectId, finger)));
        }
    }

    public boolean contains(final String subjectId) {
        return fingersBySubject.containsKey(subjectId);
    }

    public int size() {
        return gallery.size();
    }

    /** Every enrolled subject any probe matches, best first, each once with its best score. */
    public List<MatchCandidate> candidates(final List<FingerprintTemplateBytes> probes) {
        final Map<String, Double> best = new LinkedHashMap<>();
        for (FingerprintTemplateBytes probe : probes) {
            if (search.deduplicate(probe, gallery)
                    instanceof org.safepassage.enrollment.biometrics.Deduplication.DuplicateReferral referral) {
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

    /** 1:1: the best score of any probe against any of the subject's enrolled fingers, if it passes the threshold. */
    public Optional<MatchCandidate> verify(final String subjectId, final List<FingerprintTemplateBytes> probes) {
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
        gallery.put(key(subjectId, finger), template);
        fingersBySubject.computeIfAbsent(subjectId, id -> ConcurrentHashMap.newKeySet()).add(finger);
    }

    private static String key(final String subjectId, final Finger finger) {
        return subjectId + SEPARATOR + finger.name();
    }

    private static String subjectOf(final String key) {
        return key.substring(0, key.lastIndexOf(SEPARATOR));
    }
}
