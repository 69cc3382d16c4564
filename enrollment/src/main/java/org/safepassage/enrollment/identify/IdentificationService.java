package org.safepassage.enrollment.identify;

import jakarta.enterprise.context.ApplicationScoped;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.client.ChaincodeRefusedException;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.enrollment.biometrics.FingerprintTemplateBytes;
import org.safepassage.enrollment.biometrics.MatchCandidate;
import org.safepassage.enrollment.gallery.EnrolledGallery;
import org.safepassage.enrollment.ledger.RegistryLedger;
import org.safepassage.enrollment.subject.FingerprintUploads;
import org.safepassage.enrollment.subject.StoredSubject;
import org.safepassage.enrollment.subject.SubjectStore;

/**
 * Identifies a person at the border: 1:N over the gallery (or 1:1 against a named subject), then proves the match
 * against the ledger's commitment from the record as stored now ({@link TemplateIntegrity}: the Argon2id recomputation
 * runs once per distinct record, not per scan). The gallery in memory is only an index: an altered salt, a swapped or
 * edited template in the database all surface here as a MISMATCH.
 */
@ApplicationScoped
public class IdentificationService {
    private static final Logger LOG = Logger.getLogger(IdentificationService.class);

    private final EnrolledGallery gallery;
    private final SubjectStore store;
    private final TemplateIntegrity integrity;
    private final RegistryLedger ledger;
    private final FingerprintUploads uploads;

    private final MeterRegistry metrics;

    IdentificationService(final EnrolledGallery gallery, final SubjectStore store, final TemplateIntegrity integrity,
            final RegistryLedger ledger, final FingerprintUploads uploads, final MeterRegistry metrics) {
        this.metrics = metrics;
        this.uploads = uploads;
        this.gallery = gallery;
        this.store = store;
        this.integrity = integrity;
        this.ledger = ledger;
    }

    public Identification identify(final IdentifyRequest request) {
        final List<FingerprintTemplateBytes> probes = new ArrayList<>();
        timed("extract", () -> {
            for (int i = 0; i < request.images().size(); i++) {
                probes.add(uploads.template("images[" + i + "]", request.images().get(i)));
            }
            return null;
        });
        final Optional<MatchCandidate> match = timed("search", () -> request.subjectId() != null
                ? gallery.verify(request.subjectId(), probes)
                : gallery.candidates(probes).stream().findFirst());
        if (match.isEmpty()) {
            return Identification.noMatch();
        }
        final String subjectId = match.get().subjectId();
        final StoredSubject stored = timed("vault_read", () -> store.find(subjectId).orElse(null));
        if (stored == null) {
            // Erased between the search and now: the gallery forgets at the same moment, so this is a race, not a hit.
            return Identification.noMatch();
        }
        if (stored.ledgerState() != StoredSubject.LedgerState.REGISTERED) {
            return new Identification(Identification.Outcome.MATCH, subjectId, match.get().score(),
                    Identification.Integrity.NOT_ON_LEDGER, null, stored.protectionClass());
        }
        final Subject onLedger;
        try {
            onLedger = timed("ledger_read", () -> ledger.officer().subjects().read(subjectId));
        } catch (ChaincodeRefusedException e) {
            LOG.errorf("subject %s is registered here but the ledger answers %s", subjectId, e.getCode());
            return new Identification(Identification.Outcome.MATCH, subjectId, match.get().score(),
                    Identification.Integrity.MISMATCH, null, stored.protectionClass());
        }
        final boolean intact = onLedger.commitment() != null
                && timed("integrity", () -> integrity.intact(stored, onLedger.commitment()));
        if (!intact) {
            LOG.errorf("commitment mismatch for %s: the off-chain record differs from what was registered", subjectId);
        }
        return new Identification(Identification.Outcome.MATCH, subjectId, match.get().score(),
                intact ? Identification.Integrity.VERIFIED : Identification.Integrity.MISMATCH, onLedger.status(),
                onLedger.protectionClass());
    }


    /* Each step of a scan's identification, as safepassage_identify_step_seconds{step} (docs/performance.md). */
    private <T> T timed(final String step, final Supplier<T> work) {
        final long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            metrics.timer("safepassage.identify.step", "step", step).record(System.nanoTime() - started,
                    TimeUnit.NANOSECONDS);
        }
    }
}
