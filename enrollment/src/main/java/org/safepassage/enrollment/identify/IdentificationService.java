package org.safepassage.enrollment.identify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.client.ChaincodeRefusedException;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.enrollment.biometrics.FingerprintTemplateBytes;
import org.safepassage.enrollment.biometrics.MatchCandidate;
import org.safepassage.enrollment.commitment.CommitmentSalt;
import org.safepassage.enrollment.commitment.FpV1Commitments;
import org.safepassage.enrollment.gallery.EnrolledGallery;
import org.safepassage.enrollment.gallery.IrisGallery;
import org.safepassage.enrollment.biometrics.iris.IrisCode;
import org.safepassage.enrollment.subject.IrisUploads;
import org.safepassage.enrollment.ledger.RegistryLedger;
import org.safepassage.enrollment.subject.EnrolledTemplates;
import org.safepassage.enrollment.subject.FingerprintUploads;
import org.safepassage.enrollment.subject.Finger;
import org.safepassage.enrollment.subject.StoredSubject;
import org.safepassage.enrollment.subject.SubjectStore;
import org.safepassage.enrollment.vault.SubjectVault;
import org.safepassage.enrollment.vault.VaultException;

/**
 * Identifies a person at the border: 1:N over the gallery (or 1:1 against a named subject), then proves the match
 * against the ledger by recomputing the commitment from the record as stored now. The gallery in memory is only an
 * index: an altered salt, a swapped or edited template in the database all surface here as a MISMATCH.
 */
@ApplicationScoped
public class IdentificationService {
    private static final Logger LOG = Logger.getLogger(IdentificationService.class);

    private final EnrolledGallery gallery;
    private final SubjectStore store;
    private final SubjectVault vault;
    private final FpV1Commitments commitments;
    private final RegistryLedger ledger;
    private final FingerprintUploads uploads;
    /* Injected by field: the iris path is additive to the constructor the fingerprint path has. */
    @Inject
    IrisUploads irisUploads;
    @Inject
    IrisGallery irisGallery;
    @Inject
    IrisIntegrity irisIntegrity;

    IdentificationService(final EnrolledGallery gallery, final SubjectStore store, final SubjectVault vault,
            final FpV1Commitments commitments, final RegistryLedger ledger, final FingerprintUploads uploads) {
        this.uploads = uploads;
        this.gallery = gallery;
        this.store = store;
        this.vault = vault;
        this.commitments = commitments;
        this.ledger = ledger;
    }

    public Identification identify(final IdentifyRequest request) {
        final List<FingerprintTemplateBytes> probes = new ArrayList<>();
        for (int i = 0; i < request.images().size(); i++) {
            probes.add(uploads.template("images[" + i + "]", request.images().get(i)));
        }
        final List<IrisCode> irisProbes = new ArrayList<>();
        for (int i = 0; i < request.irisImages().size(); i++) {
            irisProbes.add(irisUploads.capture("irisImages[" + i + "]", request.irisImages().get(i)).code());
        }
        final Optional<MatchCandidate> finger = probes.isEmpty() ? Optional.empty()
                : request.subjectId() != null ? gallery.verify(request.subjectId(), probes)
                : gallery.candidates(probes).stream().findFirst();
        final Optional<IrisGallery.IrisMatch> iris = irisProbes.isEmpty() ? Optional.empty()
                : request.subjectId() != null ? irisGallery.verify(request.subjectId(), irisProbes)
                : irisGallery.candidates(irisProbes).stream().findFirst();
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
        final StoredSubject stored = store.find(subjectId).orElse(null);
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
            onLedger = ledger.officer().subjects().read(subjectId);
        } catch (ChaincodeRefusedException e) {
            LOG.errorf("subject %s is registered here but the ledger answers %s", subjectId, e.getCode());
            return new Identification(Identification.Outcome.MATCH, subjectId, score,
                    Identification.Integrity.MISMATCH, null, stored.protectionClass(), distance, matchedBy);
        }
        Identification.Integrity integrity = Identification.Integrity.VERIFIED;
        if (finger.isPresent()) {
            final boolean intact = onLedger.commitment() != null
                    && stored.scheme().equals(onLedger.scheme() == null ? null : onLedger.scheme().id())
                    && recomputedMatches(stored, onLedger.commitment());
            if (!intact) {
                integrity = Identification.Integrity.MISMATCH;
            }
        }
        if (iris.isPresent() && integrity == Identification.Integrity.VERIFIED) {
            integrity = irisIntegrity.verify(subjectId, iris.get().eye(), irisProbes, onLedger);
        }
        if (integrity == Identification.Integrity.MISMATCH) {
            LOG.errorf("commitment mismatch for %s: the off-chain record differs from what was registered", subjectId);
        }
        return new Identification(Identification.Outcome.MATCH, subjectId, score, integrity, onLedger.status(),
                onLedger.protectionClass(), distance, matchedBy);
    }

    private boolean recomputedMatches(final StoredSubject stored, final String ledgerCommitment) {
        try {
            final Map<Finger, FingerprintTemplateBytes> templates = new EnumMap<>(Finger.class);
            store.templates(stored.subjectId()).forEach((finger, sealed) -> templates.put(finger,
                    FingerprintTemplateBytes.fromBytes(vault.decrypt(stored.subjectId(),
                            EnrolledGallery.templateField(finger), sealed))));
            final CommitmentSalt salt = new CommitmentSalt(vault.decrypt(stored.subjectId(), "salt", stored.salt()));
            return !templates.isEmpty() && commitments.matches(new EnrolledTemplates(templates).commitmentInput(), salt,
                    ledgerCommitment);
        } catch (VaultException | IllegalArgumentException e) {
            return false;
        }
    }
}
