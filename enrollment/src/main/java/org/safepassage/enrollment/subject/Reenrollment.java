package org.safepassage.enrollment.subject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.RenewCommitmentCommand;
import org.safepassage.enrollment.biometrics.FingerprintTemplateBytes;
import org.safepassage.enrollment.biometrics.MatchCandidate;
import org.safepassage.enrollment.commitment.FpV1Commitments;
import org.safepassage.enrollment.commitment.SaltedCommitment;
import org.safepassage.enrollment.gallery.EnrolledGallery;
import org.safepassage.enrollment.gallery.GalleryLock;
import org.safepassage.enrollment.ledger.RegistryLedger;
import org.safepassage.enrollment.vault.SubjectVault;
import org.safepassage.enrollment.vault.VaultField;
import org.safepassage.service.api.ApiException;
import org.safepassage.service.db.Jdbc;

/**
 * Re-enrollment: new captures (a child's fingers grow), a new salt and a new commitment; the ledger revokes the old
 * commitment for good, so old and new cannot be linked and the old one can never identify anyone again.
 *
 * <p>The ledger goes first and the vault follows. If the vault write fails after the ledger accepted, identification
 * reports the subject as a commitment MISMATCH (the safe side: an alert, never a silent pass) until the supervisor
 * repeats the re-enrollment, which renews again with a fresh salt.
 */
@ApplicationScoped
public class Reenrollment {
    private final SubjectStore store;
    private final SubjectVault vault;
    private final FpV1Commitments commitments;
    private final EnrolledGallery gallery;
    private final RegistryLedger ledger;
    private final Referrals referrals;
    private final EnrollmentService enrollment;
    private final FingerprintUploads uploads;
    private final Jdbc jdbc;

    Reenrollment(final SubjectStore store, final SubjectVault vault, final FpV1Commitments commitments,
            final EnrolledGallery gallery, final RegistryLedger ledger, final Referrals referrals,
            final EnrollmentService enrollment, final FingerprintUploads uploads, final Jdbc jdbc) {
        this.uploads = uploads;
        this.jdbc = jdbc;
        this.store = store;
        this.vault = vault;
        this.commitments = commitments;
        this.gallery = gallery;
        this.ledger = ledger;
        this.referrals = referrals;
        this.enrollment = enrollment;
    }

    /** New captures of the subject's fingers. */
    public record Request(@Schema(required = true, minItems = 1, maxItems = EnrollmentRequest.MAX_FINGERPRINTS,
            description = "each finger at most once") List<FingerprintInput> fingerprints) {
        public Request {
            fingerprints = fingerprints == null ? List.of() : List.copyOf(fingerprints);
            if (fingerprints.isEmpty() || fingerprints.size() > EnrollmentRequest.MAX_FINGERPRINTS) {
                throw ApiException.invalid("fingerprints", "between 1 and " + EnrollmentRequest.MAX_FINGERPRINTS);
            }
            final Set<Finger> seen = new HashSet<>();
            for (FingerprintInput fingerprint : fingerprints) {
                if (!seen.add(fingerprint.finger())) {
                    throw ApiException.invalid("fingerprints", fingerprint.finger() + " given twice");
                }
            }
        }
    }

    public synchronized SubjectSummary reenroll(final String subjectId, final Request request,
            final String supervisor) {
        store.requireRegistered(subjectId);
        final Map<Finger, FingerprintTemplateBytes> captured = new EnumMap<>(Finger.class);
        for (FingerprintInput input : request.fingerprints()) {
            captured.put(input.finger(), uploads.template(input.finger().name(), input.image()));
        }
        final EnrolledTemplates templates = new EnrolledTemplates(captured);
        final SaltedCommitment renewed = commitments.enroll(templates.commitmentInput());
        // From the duplicate check to the new templates' commit under the lock every instance shares, so an
        // enrollment of the same fingers at another instance cannot slip in between. The ledger call is inside it:
        // enrollments everywhere wait for one renewal, which is rare and made by a supervisor.
        final List<MatchCandidate> others = QuarkusTransaction.requiringNew().call(() -> {
            GalleryLock.acquire(jdbc);
            gallery.catchUp();
            final List<MatchCandidate> found = gallery.candidates(new ArrayList<>(captured.values())).stream()
                    .filter(candidate -> !candidate.subjectId().equals(subjectId)).toList();
            if (!found.isEmpty()) {
                return found;
            }
            ledger.officer().subjects().renewCommitment(new RenewCommitmentCommand(subjectId,
                    renewed.commitment().value(), CommitmentScheme.fromId(renewed.commitment().scheme())));
            store.replaceCommitment(subjectId, vault.encrypt(subjectId, VaultField.SALT, renewed.salt().bytes()),
                    renewed.commitment().scheme(), renewed.commitment().value(), renewed.commitment().pepperId(),
                    Instant.now());
            captured.forEach((finger, template) -> store.insertTemplate(subjectId, finger,
                    vault.encrypt(subjectId, EnrolledGallery.templateField(finger), template.bytes())));
            return List.<MatchCandidate>of();
        });
        if (!others.isEmpty()) {
            throw Referrals.referred(referrals.refer("reenroll-" + subjectId, others.get(0), supervisor));
        }
        // The subject as now committed (fingers dropped, fingers added), read back once: replacing by hand here as
        // well as in the follower would churn the index twice.
        gallery.catchUp();
        return enrollment.summary(subjectId);
    }
}
