package org.safepassage.enrollment.identify;

import jakarta.enterprise.context.ApplicationScoped;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
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
import org.safepassage.enrollment.gallery.IrisGallery;
import org.safepassage.enrollment.biometrics.iris.IrisCode;
import org.safepassage.enrollment.subject.IrisUploads;
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
    /* Injected by field: the iris path is additive to the constructor the fingerprint path has. */
    @Inject
    IrisUploads irisUploads;
    @Inject
    IrisGallery irisGallery;
    @Inject
    IrisIntegrity irisIntegrity;
    @Inject
    SearchAdmission admission;

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
        admission.refuseIfFull();
        final List<FingerprintTemplateBytes> probes = new ArrayList<>();
        timed("extract", () -> {
            for (int i = 0; i < request.images().size(); i++) {
                probes.add(uploads.template("images[" + i + "]", request.images().get(i)));
            }
            return null;
        });
        final List<IrisCode> irisProbes = new ArrayList<>();
        timed("extract_iris", () -> {
            for (int i = 0; i < request.irisImages().size(); i++) {
                irisProbes.add(irisUploads.capture("irisImages[" + i + "]", request.irisImages().get(i)).code());
            }
            return null;
        });
        // One admission for both searches: a scan let in for its fingers is not then refused for its irises.
        final Searches found = admission.run(() -> new Searches(
                probes.isEmpty() ? Optional.empty() : timed("search", () -> request.subjectId() != null
                        ? gallery.verify(request.subjectId(), probes)
                        : gallery.candidates(probes).stream().findFirst()),
                irisProbes.isEmpty() ? Optional.empty() : timed("search_iris", () -> request.subjectId() != null
                        ? irisGallery.verify(request.subjectId(), irisProbes)
                        : irisGallery.candidates(irisProbes).stream().findFirst())));
        final Optional<MatchCandidate> finger = found.finger();
        final Optional<IrisGallery.IrisMatch> iris = found.iris();
        // Fusion (docs/biometrics.md): one modality at its own threshold suffices; two that name different people
        // contradict each other and identify no one.
        if (finger.isPresent() && iris.isPresent() && !finger.get().subjectId().equals(iris.get().subjectId())) {
            LOG.errorf("fingerprint and iris name different subjects (%s, %s): no match", finger.get().subjectId(),
                    iris.get().subjectId());
            return Identification.noMatch();
        }
        if (finger.isEmpty() && iris.isEmpty()) {
            return Identification.noMatch();
        }
        final String subjectId = finger.map(MatchCandidate::subjectId).orElseGet(() -> iris.get().subjectId());
        final Double score = finger.map(MatchCandidate::score).orElse(null);
        final Double distance = iris.map(m -> m.score().normalizedDistance()).orElse(null);
        final List<Identification.Modality> matchedBy = new ArrayList<>();
        finger.ifPresent(m -> matchedBy.add(Identification.Modality.FINGERPRINT));
        iris.ifPresent(m -> matchedBy.add(Identification.Modality.IRIS));
        final StoredSubject stored = timed("vault_read", () -> store.find(subjectId).orElse(null));
        if (stored == null) {
            // Erased between the search and now: the gallery forgets at the same moment, so this is a race, not a hit.
            return Identification.noMatch();
        }
        if (stored.ledgerState() != StoredSubject.LedgerState.REGISTERED) {
            return new Identification(Identification.Outcome.MATCH, subjectId, score,
                    Identification.Integrity.NOT_ON_LEDGER, null, stored.protectionClass(), distance, matchedBy);
        }
        final Subject onLedger;
        try {
            onLedger = timed("ledger_read", () -> ledger.officer().subjects().read(subjectId));
        } catch (ChaincodeRefusedException e) {
            LOG.errorf("subject %s is registered here but the ledger answers %s", subjectId, e.getCode());
            return new Identification(Identification.Outcome.MATCH, subjectId, score,
                    Identification.Integrity.MISMATCH, null, stored.protectionClass(), distance, matchedBy);
        }
        Identification.Integrity verdict = Identification.Integrity.VERIFIED;
        if (finger.isPresent()) {
            // The fp-v1 record, verified once per stored record (TemplateIntegrity keeps the verdict).
            final boolean intact = onLedger.commitment() != null
                    && stored.scheme().equals(onLedger.scheme() == null ? null : onLedger.scheme().id())
                    && timed("integrity", () -> integrity.intact(stored, onLedger.commitment()));
            if (!intact) {
                verdict = Identification.Integrity.MISMATCH;
            }
        }
        if (iris.isPresent() && verdict == Identification.Integrity.VERIFIED) {
            final Identification.Integrity irisVerdict = timed("integrity_iris",
                    () -> irisIntegrity.verify(subjectId, iris.get().eye(), irisProbes, onLedger));
            verdict = irisVerdict;
        }
        if (verdict == Identification.Integrity.MISMATCH) {
            LOG.errorf("commitment mismatch for %s: the off-chain record differs from what was registered", subjectId);
        }
        return new Identification(Identification.Outcome.MATCH, subjectId, score, verdict, onLedger.status(),
                onLedger.protectionClass(), distance, matchedBy);
    }


    /* Each step of a scan's identification, as safepassage_identify_step_seconds{step} (docs/performance.md). */
    private record Searches(Optional<MatchCandidate> finger, Optional<IrisGallery.IrisMatch> iris) {}

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
