package org.safepassage.enrollment.identify;

import jakarta.enterprise.context.ApplicationScoped;
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
import org.safepassage.enrollment.ledger.RegistryLedger;
import org.safepassage.enrollment.subject.EnrolledTemplates;
import org.safepassage.enrollment.subject.FingerprintUploads;
import org.safepassage.enrollment.subject.Finger;
import org.safepassage.enrollment.subject.StoredSubject;
import org.safepassage.enrollment.subject.SubjectStore;
import org.safepassage.enrollment.vault.SubjectVault;
import org.safepassage.enrollment.vault.VaultException;
import org.safepassage.enrollment.vault.VaultField;

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
        final Optional<MatchCandidate> match = request.subjectId() != null
                ? gallery.verify(request.subjectId(), probes)
                : gallery.candidates(probes).stream().findFirst();
        if (match.isEmpty()) {
            return Identification.noMatch();
        }
        final String subjectId = match.get().subjectId();
        final StoredSubject stored = store.find(subjectId).orElse(null);
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
            onLedger = ledger.officer().subjects().read(subjectId);
        } catch (ChaincodeRefusedException e) {
            LOG.errorf("subject %s is registered here but the ledger answers %s", subjectId, e.getCode());
            return new Identification(Identification.Outcome.MATCH, subjectId, match.get().score(),
                    Identification.Integrity.MISMATCH, null, stored.protectionClass());
        }
        final boolean intact = onLedger.commitment() != null && recomputedMatches(stored, onLedger.commitment());
        if (!intact) {
            LOG.errorf("commitment mismatch for %s: the off-chain record differs from what was registered", subjectId);
        }
        return new Identification(Identification.Outcome.MATCH, subjectId, match.get().score(),
                intact ? Identification.Integrity.VERIFIED : Identification.Integrity.MISMATCH, onLedger.status(),
                onLedger.protectionClass());
    }

    private boolean recomputedMatches(final StoredSubject stored, final String ledgerCommitment) {
        try {
            final Map<Finger, FingerprintTemplateBytes> templates = new EnumMap<>(Finger.class);
            store.templates(stored.subjectId()).forEach((finger, sealed) -> templates.put(finger,
                    FingerprintTemplateBytes.fromBytes(vault.decrypt(stored.subjectId(),
                            EnrolledGallery.templateField(finger), sealed))));
            final CommitmentSalt salt = new CommitmentSalt(vault.decrypt(stored.subjectId(), VaultField.SALT, stored.salt()));
            return !templates.isEmpty() && commitments.matches(new EnrolledTemplates(templates).commitmentInput(), salt,
                    ledgerCommitment);
        } catch (VaultException | IllegalArgumentException e) {
            return false;
        }
    }
}
