package org.safepassage.enrollment.subject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.client.ChaincodeRefusedException;
import org.safepassage.chaincode.client.LedgerException;
import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.enrollment.biometrics.FingerprintTemplateBytes;
import org.safepassage.enrollment.biometrics.MatchCandidate;
import org.safepassage.enrollment.commitment.FpV1Commitments;
import org.safepassage.enrollment.commitment.SaltedCommitment;
import org.safepassage.enrollment.gallery.EnrolledGallery;
import org.safepassage.enrollment.gallery.GalleryLock;
import org.safepassage.enrollment.gallery.IrisGallery;
import org.safepassage.enrollment.ledger.LedgerOutbox;
import org.safepassage.enrollment.vault.SubjectVault;
import org.safepassage.enrollment.vault.VaultField;
import org.safepassage.service.api.ApiException;
import org.safepassage.service.db.Jdbc;

/**
 * Enrolls a person: fingerprints and irises checked and turned into templates, each modality deduplicated against
 * everyone enrolled, personal data sealed in the vault, the commitments (one per modality or eye, each naming its
 * scheme) registered on the ledger.
 *
 * <p>The order is what keeps the two stores consistent: the vault rows and an outbox entry commit together first; the
 * ledger registration follows and, if the ledger is unreachable, is retried by the outbox until it lands. A definitive
 * refusal by the ledger rolls the vault rows back. Deduplication and the insert run in one transaction under the
 * {@link GalleryLock} every instance behind the database shares, so two officers enrolling the same child at once,
 * at one instance or two, cannot both pass.
 *
 * <p>This class orchestrates; the rules are {@link EnrollmentRules}, the sealing {@link SealedRecords}, the guardians
 * {@link GuardianRecords} and the ledger registration {@link SubjectRegistration}.
 */
@ApplicationScoped
public class EnrollmentService {
    private static final Logger LOG = Logger.getLogger(EnrollmentService.class);

    private final SubjectVault vault;
    private final FpV1Commitments commitments;
    private final SubjectStore store;
    private final EnrolledGallery gallery;
    private final SubjectRegistration registration;
    private final GuardianRecords guardians;
    private final SealedRecords sealed;
    private final LedgerOutbox outbox;
    private final Referrals referrals;
    private final FingerprintUploads uploads;
    private final IrisEnrollments irises;
    private final IrisGallery irisGallery;
    private final Jdbc jdbc;
    private final ReentrantLock enrollmentLock = new ReentrantLock(true);
    /* Runs after a unique check, before the insert commits. Tests widen the race window here. */
    volatile Runnable uniqueCheckPassed = () -> { };

    EnrollmentService(final SubjectVault vault, final FpV1Commitments commitments, final SubjectStore store,
            final EnrolledGallery gallery, final SubjectRegistration registration, final GuardianRecords guardians,
            final SealedRecords sealed, final LedgerOutbox outbox, final Referrals referrals,
            final FingerprintUploads uploads, final IrisEnrollments irises, final IrisGallery irisGallery,
            final Jdbc jdbc) {
        this.vault = vault;
        this.commitments = commitments;
        this.store = store;
        this.gallery = gallery;
        this.registration = registration;
        this.guardians = guardians;
        this.sealed = sealed;
        this.outbox = outbox;
        this.referrals = referrals;
        this.uploads = uploads;
        this.irises = irises;
        this.irisGallery = irisGallery;
        this.jdbc = jdbc;
    }

    /** The answer to an enrollment: the subject, and whether this call created it or replayed an earlier one. */
    public record Enrolled(SubjectSummary subject, boolean created) {}

    public Enrolled enroll(final EnrollmentRequest request, final String officer) {
        final byte[] digest = EnrollmentRules.digest(request);
        final var earlier = store.findByRequestId(request.requestId());
        if (earlier.isPresent()) {
            if (!MessageDigest.isEqual(earlier.get().requestDigest(), digest)) {
                throw new ApiException(Reason.DUPLICATE_REQUEST_ID,
                        "requestId was already used for a different enrollment; use a new one");
            }
            return new Enrolled(summary(earlier.get().subjectId()), false);
        }
        referrals.findByRequest(request.requestId()).ifPresent(referral -> {
            throw Referrals.referred(referral);
        });
        final byte[] photo = request.photo() == null ? null : EnrollmentRules.photo(request.photo());
        final EnrolledTemplates templates =
                request.fingerprints().isEmpty() ? null : templates(request.fingerprints());
        final IrisEnrollments.Eyes eyes = irises.capture(request.irises());
        final LocalDate birthDate = request.person().birthDate();
        final ProtectionClass protection = EnrollmentRules.protection(birthDate, LocalDate.now(ZoneOffset.UTC));
        final YearMonth consentUntil = EnrollmentRules.consentUntil(protection, birthDate);
        // The primary commitment is fp-v1 when fingers were given, else the first eye's iris-fc-v1; every other eye's
        // goes on the ledger beside it, each naming its scheme.
        final SaltedCommitment commitment = templates != null
                ? commitments.enroll(templates.commitmentInput()) : eyes.first().salted();
        final String subjectId = OpaqueIds.random("sub-");

        enrollmentLock.lock();
        try {
            // Check and insert in one transaction under the lock all instances share: the catch-up brings in every
            // enrollment another instance committed before we got the lock, and ours commits before the next
            // instance gets it. A rollback (a refusal below, a failure) releases the lock with the transaction.
            final Optional<Referrals.Referral> duplicate = QuarkusTransaction.requiringNew().call(() -> {
                GalleryLock.acquire(jdbc);
                // Every modality given is searched; a hit in any one is a referral.
                if (templates != null) {
                    gallery.catchUp();
                    final List<MatchCandidate> found =
                            gallery.candidates(new ArrayList<>(templates.byFinger().values()));
                    if (!found.isEmpty()) {
                        final MatchCandidate best = found.get(0);
                        LOG.infof("enrollment %s referred: fingerprints match %s (score %.1f)", request.requestId(),
                                best.subjectId(), best.score());
                        return Optional.of(referrals.refer(request.requestId(), best, officer));
                    }
                }
                if (!eyes.isEmpty()) {
                    final List<IrisGallery.IrisMatch> found = irisGallery.candidates(eyes.probes());
                    if (!found.isEmpty()) {
                        final IrisGallery.IrisMatch best = found.get(0);
                        LOG.infof("enrollment %s referred: an iris matches %s's %s eye (distance %.3f)",
                                request.requestId(), best.subjectId(), best.eye(), best.score().normalizedDistance());
                        return Optional.of(referrals.refer(request.requestId(), best.subjectId(),
                                best.score().normalizedDistance(), Referrals.Modality.IRIS, officer));
                    }
                }
                uniqueCheckPassed.run();
                final Instant now = Instant.now();
                vault.createSubjectKey(subjectId);
                store.insert(new StoredSubject(subjectId, request.requestId(), digest, protection,
                        request.approvalQuorum(), 1, consentUntil == null ? null : consentUntil.toString(),
                        sealed.seal(subjectId, VaultField.PERSONAL, request.person()),
                        photo == null ? null : vault.encrypt(subjectId, VaultField.PHOTO, photo),
                        sealed.seal(subjectId, VaultField.CONSENT, request.consent()),
                        vault.encrypt(subjectId, VaultField.SALT, commitment.salt().bytes()),
                        commitment.commitment().scheme(), commitment.commitment().value(),
                        commitment.commitment().pepperId(), StoredSubject.LedgerState.PENDING, officer, now, now));
                final List<String> refs = guardians.write(subjectId, 1, request.guardians());
                EnrollmentRules.checkQuorum(protection, refs.size(), request.approvalQuorum());
                // The command the outbox will send, built now: whatever the ledger's rules refuse rolls all of this
                // back with a 4xx, instead of committing an outbox entry that can never be delivered.
                if (templates != null) {
                    templates.byFinger().forEach((finger, template) -> store.insertTemplate(subjectId, finger,
                            vault.encrypt(subjectId, EnrolledGallery.templateField(finger), template.bytes())));
                }
                irises.store(subjectId, eyes);
                LedgerRules.check(() -> SubjectRegistration.command(subjectId, commitment.commitment().value(),
                        commitment.commitment().scheme(), protection, refs, request.approvalQuorum(),
                        consentUntil, irises.additional(subjectId, commitment.commitment().value())));
                outbox.enqueue(subjectId, LedgerOutbox.Operation.REGISTER);
                return Optional.<Referrals.Referral>empty();
            });
            if (duplicate.isPresent()) {
                throw Referrals.referred(duplicate.get());
            }
            if (templates != null) {
                gallery.add(subjectId, templates.byFinger());
            }
            if (!eyes.isEmpty()) {
                irisGallery.add(subjectId, eyes.codes());
            }
        } finally {
            enrollmentLock.unlock();
        }
        try {
            registration.apply(subjectId);
        } catch (ChaincodeRefusedException e) {
            throw e;
        } catch (LedgerException e) {
            LOG.warnf("ledger registration of %s deferred to the outbox: %s", subjectId, e.getMessage());
        }
        return new Enrolled(summary(subjectId), true);
    }

    public SubjectSummary summary(final String subjectId) {
        final StoredSubject subject = store.require(subjectId);
        final List<SubjectSummary.GuardianSummary> guardians = store.guardians(subjectId).stream()
                .filter(g -> g.version() == subject.guardianVersion())
                .map(g -> new SubjectSummary.GuardianSummary(g.guardianRef(), g.phoneVerified())).toList();
        return new SubjectSummary(subjectId, subject.protectionClass(), subject.approvalQuorum(),
                subject.consentRequiredUntil() == null ? null : YearMonth.parse(subject.consentRequiredUntil()),
                guardians, List.copyOf(store.templates(subjectId).keySet()), subject.ledgerState(),
                subject.createdAt(), store.irises(subjectId).stream().map(StoredIris::eye).toList());
    }

    private EnrolledTemplates templates(final List<FingerprintInput> fingerprints) {
        final Map<org.safepassage.enrollment.subject.Finger, FingerprintTemplateBytes> templates =
                new EnumMap<>(Finger.class);
        for (FingerprintInput input : fingerprints) {
            templates.put(input.finger(), uploads.template(input.finger().name(), input.image()));
        }
        return new EnrolledTemplates(templates);
    }
}
