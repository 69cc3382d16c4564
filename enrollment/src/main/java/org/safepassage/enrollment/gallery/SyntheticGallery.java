package org.safepassage.enrollment.gallery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.enrollment.vault.VaultField;
import org.safepassage.service.api.ApiException;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.enrollment.biometrics.FingerprintTemplateBytes;
import org.safepassage.enrollment.subject.Finger;
import org.safepassage.enrollment.subject.StoredSubject;
import org.safepassage.enrollment.subject.Consent;
import org.safepassage.enrollment.subject.LegalBasisOfProcessing;
import org.safepassage.enrollment.subject.PersonalData;
import org.safepassage.enrollment.subject.SealedRecords;
import org.safepassage.enrollment.subject.Sex;
import org.safepassage.enrollment.subject.SubjectStore;
import org.safepassage.enrollment.vault.SubjectVault;

/**
 * Load testing only, off unless {@code safepassage.load.synthetic-gallery.enabled}: fills the gallery with synthetic
 * enrolled fingers (ISO/IEC 19794-2 minutia records from the load driver), so identification can be measured against
 * 100,000 or 1,000,000 templates. Each becomes a subject the way an enrollment stores one, in batches: its own data
 * key, the template sealed under it in the {@code biometric} table, then the gallery and its index fed as the load at
 * start feeds them. What it leaves out is what would make a million impractical and that no scan of them needs: no
 * fp-v1 commitment (an Argon2id each) and no ledger registration; the rows stay {@code PENDING} with no outbox entry,
 * so a scan that matched one would be answered {@code NOT_ON_LEDGER}. Their ids start with {@value #ID_PREFIX}, and
 * their sealed personal record names each "Synthetic Gallery", so the officers' list and search still open them.
 */
@ApplicationScoped
public class SyntheticGallery {
    /** The prefix of every synthetic subject id. */
    public static final String ID_PREFIX = "syn-";
    private static final Logger LOG = Logger.getLogger(SyntheticGallery.class);
    private static final int MAX_BATCH = 10_000;
    /** What the officers' screens show for every synthetic subject: valid records, so lists and searches still work. */
    private static final PersonalData PERSON = new PersonalData("Synthetic", "Gallery", LocalDate.of(2000, 1, 1),
            Sex.UNKNOWN, null, List.of());

    private final EnrolledGallery gallery;
    private final SubjectStore store;
    private final SubjectVault vault;
    private final SealedRecords sealed;
    private final boolean enabled;
    private final SecureRandom random = new SecureRandom();

    SyntheticGallery(final EnrolledGallery gallery, final SubjectStore store, final SubjectVault vault,
            final SealedRecords sealed,
            @ConfigProperty(name = "safepassage.load.synthetic-gallery.enabled", defaultValue = "false")
            final boolean enabled) {
        this.gallery = gallery;
        this.store = store;
        this.vault = vault;
        this.sealed = sealed;
        this.enabled = enabled;
    }

    /**
     * Enrolls one synthetic subject per minutia record, all in one transaction, then adds them to the gallery.
     *
     * @param records ISO/IEC 19794-2 minutia records, at most {@value #MAX_BATCH}
     * @return the number added, and the gallery's size after
     * @throws ApiException 404 when disabled, 400 for an empty or too large batch or an unreadable record
     */
    public Added add(final List<byte[]> records) {
        if (!enabled) {
            throw new ApiException(Reason.NOT_FOUND, "no such resource");
        }
        if (records == null || records.isEmpty() || records.size() > MAX_BATCH) {
            throw ApiException.invalid("templates", "between 1 and " + MAX_BATCH + " ISO/IEC 19794-2 records");
        }
        final long started = System.nanoTime();
        final List<FingerprintTemplateBytes> templates;
        try {
            templates = records.parallelStream().map(FingerprintTemplateBytes::fromIso).toList();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("templates", "ISO/IEC 19794-2 minutia records");
        }
        final Map<String, FingerprintTemplateBytes> bySubject = new LinkedHashMap<>();
        for (FingerprintTemplateBytes template : templates) {
            bySubject.put(ID_PREFIX + HexFormat.of().formatHex(bytes(12)), template);
        }
        final Finger finger = Finger.RIGHT_INDEX;
        final VaultField field = EnrolledGallery.templateField(finger);
        QuarkusTransaction.requiringNew().run(() -> {
            final Instant now = Instant.now();
            final Consent consent = new Consent("synthetic gallery, load testing", LegalBasisOfProcessing.PUBLIC_TASK,
                    now);
            bySubject.forEach((subjectId, template) -> {
                vault.createSubjectKey(subjectId);
                store.insert(new StoredSubject(subjectId, subjectId, bytes(32), ProtectionClass.SURVIVOR, 0, 1, null,
                        sealed.seal(subjectId, VaultField.PERSONAL, PERSON), null,
                        sealed.seal(subjectId, VaultField.CONSENT, consent),
                        vault.encrypt(subjectId, VaultField.SALT, bytes(32)),
                        "fp-v1", HexFormat.of().formatHex(bytes(32)), "synthetic", StoredSubject.LedgerState.PENDING,
                        "synthetic-gallery", now, now));
                store.insertTemplate(subjectId, finger, vault.encrypt(subjectId, field, template.bytes()));
            });
        });
        final long stored = System.nanoTime();
        gallery.addBatch(bySubject, finger);
        LOG.infof("synthetic gallery: %d added in %d ms (%d ms importing and storing, %d ms indexing); gallery %d",
                bySubject.size(), (System.nanoTime() - started) / 1_000_000, (stored - started) / 1_000_000,
                (System.nanoTime() - stored) / 1_000_000, gallery.size());
        return new Added(bySubject.size(), gallery.size());
    }

    /**
     * @param added synthetic subjects added by this batch
     * @param gallery enrolled fingers in the gallery now
     */
    public record Added(int added, int gallery) {}

    private byte[] bytes(final int n) {
        final byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
