package org.safepassage.enrollment.identify;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.enrollment.biometrics.FingerprintTemplateBytes;
import org.safepassage.enrollment.commitment.CommitmentSalt;
import org.safepassage.enrollment.commitment.FpV1Commitments;
import org.safepassage.enrollment.gallery.EnrolledGallery;
import org.safepassage.enrollment.ledger.RegistryLedger;
import org.safepassage.enrollment.subject.EnrolledTemplates;
import org.safepassage.enrollment.subject.Finger;
import org.safepassage.enrollment.subject.StoredSubject;
import org.safepassage.enrollment.subject.SubjectStore;
import org.safepassage.enrollment.vault.SubjectVault;
import org.safepassage.enrollment.vault.VaultException;
import org.safepassage.enrollment.vault.VaultField;

/**
 * Whether a subject's off-chain record (salt and templates, as stored now) still commits to the ledger's commitment,
 * without an Argon2id per scan. The fp-v1 recomputation (about 63 ms of CPU and 19 MiB) runs once per distinct record:
 * its verdict is kept under a SHA-256 digest of exactly what it covered (the sealed salt and every sealed template as
 * the database holds them, and the ledger's commitment). Each scan digests the rows as stored now (two primary-key
 * reads, microseconds of hashing) and reuses the verdict only if nothing changed; any altered byte in SQL, a reloaded
 * template or a renewed commitment gives another digest and so a fresh recomputation. A mismatch is remembered too:
 * the same altered record keeps answering MISMATCH.
 *
 * <p>Records are verified when they enter memory through a change (an enrollment, a renewal, another instance's
 * change caught up), in the background, so the first scan after it finds the verdict ready; the records loaded at
 * start are verified on their first match instead (at 1,000,000 enrolled subjects an Argon2id each would be hours of
 * CPU). Thread-safe.
 */
@Startup
@ApplicationScoped
public class TemplateIntegrity {
    private static final Logger LOG = Logger.getLogger(TemplateIntegrity.class);
    private static final int PENDING_ATTEMPTS = 30;
    private static final byte[] LABEL = "safepassage/verified-record/v1".getBytes(StandardCharsets.UTF_8);

    private final SubjectStore store;
    private final SubjectVault vault;
    private final FpV1Commitments commitments;
    private final RegistryLedger ledger;
    private final EnrolledGallery gallery;
    private final Map<String, Verdict> verdicts = new ConcurrentHashMap<>();
    private ScheduledExecutorService verifier;

    TemplateIntegrity(final SubjectStore store, final SubjectVault vault, final FpV1Commitments commitments,
            final RegistryLedger ledger, final EnrolledGallery gallery) {
        this.store = store;
        this.vault = vault;
        this.commitments = commitments;
        this.ledger = ledger;
        this.gallery = gallery;
    }

    @PostConstruct
    void start() {
        verifier = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread thread = new Thread(runnable, "template-integrity");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
        gallery.onChange(this::changed);
    }

    @PreDestroy
    void stop() {
        verifier.shutdownNow();
    }

    /* A subject's templates changed in memory: verify the new record before a scan needs it. */
    private void changed(final String subjectId, final boolean present) {
        if (!present) {
            verdicts.remove(subjectId);
            return;
        }
        verifier.execute(() -> verifyAhead(subjectId, 0));
    }

    private void verifyAhead(final String subjectId, final int attempt) {
        try {
            final StoredSubject stored = store.find(subjectId).orElse(null);
            if (stored == null) {
                return; // erased since
            }
            if (stored.ledgerState() != StoredSubject.LedgerState.REGISTERED) {
                // a new enrollment is in memory before the ledger has it: look again shortly, then leave it to
                // the first scan
                if (attempt < PENDING_ATTEMPTS) {
                    verifier.schedule(() -> verifyAhead(subjectId, attempt + 1), 2, TimeUnit.SECONDS);
                }
                return;
            }
            final Subject onLedger = ledger.officer().subjects().read(subjectId);
            if (onLedger.commitment() != null) {
                intact(stored, onLedger.commitment());
            }
        } catch (RuntimeException e) { // a refused read, an unreachable ledger: the first scan verifies it
            LOG.debugf("integrity of %s not verified ahead of a scan: %s", subjectId, e.getMessage());
        }
    }

    /**
     * Whether the subject's record as stored now commits to the ledger's commitment.
     *
     * @param stored the subject's row, read for this scan
     * @param ledgerCommitment the commitment the ledger holds now
     * @return true if the record is intact
     */
    public boolean intact(final StoredSubject stored, final String ledgerCommitment) {
        final Map<Finger, byte[]> sealed = store.templates(stored.subjectId());
        final byte[] digest = digest(stored, sealed, ledgerCommitment);
        final Verdict known = verdicts.get(stored.subjectId());
        if (known != null && MessageDigest.isEqual(known.digest(), digest)) {
            return known.intact();
        }
        final boolean intact = recomputedMatches(stored, sealed, ledgerCommitment);
        verdicts.put(stored.subjectId(), new Verdict(digest, intact));
        return intact;
    }

    /** How many records have a verdict, for tests and metrics. */
    int verdicts() {
        return verdicts.size();
    }

    private boolean recomputedMatches(final StoredSubject stored, final Map<Finger, byte[]> sealed,
            final String ledgerCommitment) {
        try {
            final Map<Finger, FingerprintTemplateBytes> templates = new EnumMap<>(Finger.class);
            sealed.forEach((finger, bytes) -> templates.put(finger, FingerprintTemplateBytes.fromBytes(
                    vault.decrypt(stored.subjectId(), EnrolledGallery.templateField(finger), bytes))));
            final CommitmentSalt salt = new CommitmentSalt(vault.decrypt(stored.subjectId(), VaultField.SALT, stored.salt()));
            return !templates.isEmpty() && commitments.matches(new EnrolledTemplates(templates).commitmentInput(), salt,
                    ledgerCommitment);
        } catch (VaultException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] digest(final StoredSubject stored, final Map<Finger, byte[]> sealed,
            final String ledgerCommitment) {
        final MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        sha.update(LABEL);
        field(sha, stored.subjectId().getBytes(StandardCharsets.UTF_8));
        field(sha, ledgerCommitment.getBytes(StandardCharsets.UTF_8));
        field(sha, stored.salt() == null ? new byte[0] : stored.salt());
        sealed.forEach((finger, bytes) -> {
            field(sha, finger.name().getBytes(StandardCharsets.UTF_8));
            field(sha, bytes);
        });
        return sha.digest();
    }

    /* Length-prefixed, so no two different records digest the same concatenation. */
    private static void field(final MessageDigest sha, final byte[] bytes) {
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }

    private record Verdict(byte[] digest, boolean intact) {}
}
