package org.safepassage.enrollment.subject;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
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
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.ModalityCommitment;
import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.enrollment.api.ApiException;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.enrollment.biometrics.FingerprintTemplateBytes;
import org.safepassage.enrollment.biometrics.MatchCandidate;
import org.safepassage.enrollment.commitment.FpV1Commitments;
import org.safepassage.enrollment.commitment.SaltedCommitment;
import org.safepassage.enrollment.gallery.EnrolledGallery;
import org.safepassage.enrollment.gallery.GalleryLock;
import org.safepassage.enrollment.gallery.IrisGallery;
import org.safepassage.enrollment.guardian.PhoneVerifications;
import org.safepassage.enrollment.ledger.LedgerOutbox;
import org.safepassage.enrollment.ledger.OutboxHandler;
import org.safepassage.enrollment.ledger.RegistryLedger;
import org.safepassage.enrollment.vault.SubjectVault;
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
 */
@ApplicationScoped
public class EnrollmentService implements OutboxHandler {
    private static final Logger LOG = Logger.getLogger(EnrollmentService.class);
    private static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;
    private static final int ADULT_AGE = 18;
    /** Sorted keys, so the digest of a request does not depend on how the client ordered its fields. */
    static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final SubjectVault vault;
    private final FpV1Commitments commitments;
    private final SubjectStore store;
    private final EnrolledGallery gallery;
    private final PhoneVerifications phones;
    private final RegistryLedger ledger;
    private final LedgerOutbox outbox;
    private final Referrals referrals;
    private final FingerprintUploads uploads;
    /* Injected by field so that instances built by hand (tests of several instances) keep their constructor. */
    @Inject
    IrisEnrollments irises;
    @Inject
    IrisGallery irisGallery;
    private final Jdbc jdbc;
    private final ReentrantLock enrollmentLock = new ReentrantLock(true);
    /* Runs after a unique check, before the insert commits. Tests widen the race window here. */
    volatile Runnable uniqueCheckPassed = () -> { };

    EnrollmentService(final SubjectVault vault, final FpV1Commitments commitments, final SubjectStore store,
            final EnrolledGallery gallery, final PhoneVerifications phones, final RegistryLedger ledger,
            final LedgerOutbox outbox, final Referrals referrals, final FingerprintUploads uploads, final Jdbc jdbc) {
        this.uploads = uploads;
        this.jdbc = jdbc;
        this.vault = vault;
        this.commitments = commitments;
        this.store = store;
        this.gallery = gallery;
        this.phones = phones;
        this.ledger = ledger;
        this.outbox = outbox;
        this.referrals = referrals;
    }

    /** The answer to an enrollment: the subject, and whether this call created it or replayed an earlier one. */
    public record Enrolled(SubjectSummary subject, boolean created) {}

    public Enrolled enroll(final EnrollmentRequest request, final String officer) {
        final byte[] digest = digest(request);
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
        final byte[] photo = request.photo() == null ? null : photo(request.photo());
        final EnrolledTemplates templates =
                request.fingerprints().isEmpty() ? null : templates(request.fingerprints());
        final IrisEnrollments.Eyes eyes = irises.capture(request.irises());
        final LocalDate birthDate = request.person().birthDate();
        final boolean minor = Period.between(birthDate, LocalDate.now(ZoneOffset.UTC)).getYears() < ADULT_AGE;
        final ProtectionClass protection = minor ? ProtectionClass.MINOR : ProtectionClass.SURVIVOR;
        final YearMonth consentUntil = minor ? YearMonth.from(birthDate.plusYears(ADULT_AGE).minusDays(1)) : null;
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
                        seal(subjectId, "personal", request.person()),
                        photo == null ? null : vault.encrypt(subjectId, "photo", photo),
                        seal(subjectId, "consent", request.consent()),
                        vault.encrypt(subjectId, "salt", commitment.salt().bytes()),
                        commitment.commitment().scheme(), commitment.commitment().value(),
                        commitment.commitment().pepperId(), StoredSubject.LedgerState.PENDING, officer, now, now));
                final List<String> refs = writeGuardians(subjectId, 1, request.guardians());
                checkQuorum(protection, refs.size(), request.approvalQuorum());
                // The command the outbox will send, built now: whatever the ledger's rules refuse rolls all of this
                // back with a 4xx, instead of committing an outbox entry that can never be delivered.
                if (templates != null) {
                    templates.byFinger().forEach((finger, template) -> store.insertTemplate(subjectId, finger,
                            vault.encrypt(subjectId, EnrolledGallery.templateField(finger), template.bytes())));
                }
                irises.store(subjectId, eyes);
                LedgerRules.check(() -> registration(subjectId, commitment.commitment().value(),
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
            apply(subjectId);
        } catch (ChaincodeRefusedException e) {
            throw e;
        } catch (LedgerException e) {
            LOG.warnf("ledger registration of %s deferred to the outbox: %s", subjectId, e.getMessage());
        }
        return new Enrolled(summary(subjectId), true);
    }

    @Override
    public LedgerOutbox.Operation operation() {
        return LedgerOutbox.Operation.REGISTER;
    }

    /** Registers a pending subject on the ledger; idempotent, and undoes the enrollment if the ledger refuses it. */
    @Override
    public void apply(final String subjectId) {
        final StoredSubject subject = store.find(subjectId).orElse(null);
        if (subject == null || subject.ledgerState() == StoredSubject.LedgerState.REGISTERED) {
            outbox.done(subjectId, LedgerOutbox.Operation.REGISTER);
            return;
        }
        final List<String> refs = store.guardians(subjectId).stream()
                .filter(g -> g.version() == subject.guardianVersion() && g.phoneVerified())
                .map(StoredGuardian::guardianRef).toList();
        final RegisterSubjectCommand command = registration(subjectId, subject.commitment(), subject.scheme(),
                subject.protectionClass(), refs, subject.approvalQuorum(),
                subject.consentRequiredUntil() == null ? null : YearMonth.parse(subject.consentRequiredUntil()),
                irises.additional(subjectId, subject.commitment()));
        try {
            ledger.officer().subjects().register(command);
        } catch (ChaincodeRefusedException refused) {
            if (!alreadyRegistered(subjectId, subject.commitment())) {
                LOG.errorf("the ledger refused %s (%s): enrollment rolled back", subjectId, refused.getCode());
                QuarkusTransaction.requiringNew().run(() -> {
                    store.delete(subjectId);
                    vault.destroySubjectKey(subjectId);
                    outbox.done(subjectId, LedgerOutbox.Operation.REGISTER);
                });
                gallery.remove(subjectId);
                irisGallery.remove(subjectId);
                throw refused;
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            store.markRegistered(subjectId, Instant.now());
            outbox.done(subjectId, LedgerOutbox.Operation.REGISTER);
        });
    }

    private static RegisterSubjectCommand registration(final String subjectId, final String commitment,
            final String scheme, final ProtectionClass protection, final List<String> guardianRefs, final int quorum,
            final YearMonth consentUntil, final List<ModalityCommitment> additional) {
        return new RegisterSubjectCommand(subjectId, commitment, CommitmentScheme.fromId(scheme), protection,
                guardianRefs, quorum, consentUntil, additional);
    }

    /** A retry after an unseen success: the ledger already holds this subject with this commitment. */
    private boolean alreadyRegistered(final String subjectId, final String commitment) {
        try {
            return commitment.equals(ledger.officer().subjects().read(subjectId).commitment());
        } catch (ChaincodeRefusedException notThere) {
            return false;
        }
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

    /**
     * Writes a version of the subject's guardians, consuming each guardian's phone verification; returns the
     * references of the verified ones, which are what the ledger is given. Must run inside the caller's transaction.
     */
    List<String> writeGuardians(final String subjectId, final int version, final List<GuardianInput> guardians) {
        final List<String> verified = new ArrayList<>();
        for (int i = 0; i < guardians.size(); i++) {
            final GuardianInput guardian = guardians.get(i);
            final boolean phoneVerified = guardian.verificationId() != null
                    && phones.consume(guardian.verificationId(), guardian.phoneNumber());
            if (guardian.verificationId() != null && !phoneVerified) {
                throw new ApiException(Reason.PHONE_NOT_VERIFIED, "guardians[" + i + "]: the verification "
                        + "is unknown, unfinished, used, or for another number", Map.of("field", "guardians[" + i + "]"));
            }
            final String ref = OpaqueIds.random("gdn-");
            if (phoneVerified) {
                verified.add(ref);
            }
            store.insertGuardian(new StoredGuardian(ref, subjectId, version, i,
                    seal(subjectId, "guardian", guardian.details()), phoneVerified));
        }
        return verified;
    }

    static void checkQuorum(final ProtectionClass protection, final int verified, final int quorum) {
        if (protection == ProtectionClass.MINOR && (verified == 0 || quorum == 0)) {
            throw new ApiException(Reason.GUARDIAN_NOT_VERIFIED,
                    "a minor needs at least one guardian with a verified phone number and a quorum of at least 1");
        }
        if (quorum > verified) {
            throw new ApiException(Reason.GUARDIAN_NOT_VERIFIED, "approvalQuorum " + quorum + " needs as many guardians "
                    + "with verified phone numbers; " + verified + " verified", Map.of("verified", verified));
        }
    }

    /** Seals a record as JSON under the subject's data key. */
    byte[] seal(final String subjectId, final String field, final Object value) {
        try {
            return vault.encrypt(subjectId, field, CANONICAL.writeValueAsBytes(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + field, e);
        }
    }

    <T> T open(final String subjectId, final String field, final byte[] sealed, final Class<T> type) {
        try {
            return CANONICAL.readValue(vault.decrypt(subjectId, field, sealed), type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    private EnrolledTemplates templates(final List<FingerprintInput> fingerprints) {
        final Map<org.safepassage.enrollment.subject.Finger, FingerprintTemplateBytes> templates =
                new EnumMap<>(Finger.class);
        for (FingerprintInput input : fingerprints) {
            templates.put(input.finger(), uploads.template(input.finger().name(), input.image()));
        }
        return new EnrolledTemplates(templates);
    }

    private static byte[] photo(final String base64) {
        final byte[] photo = Fields.base64("photo", base64, MAX_PHOTO_BYTES);
        final boolean png = photo.length > 8 && (photo[0] & 0xff) == 0x89 && photo[1] == 'P' && photo[2] == 'N';
        final boolean jpeg = photo.length > 3 && (photo[0] & 0xff) == 0xff && (photo[1] & 0xff) == 0xd8;
        if (!png && !jpeg) {
            throw new ApiException(Reason.PHOTO_REJECTED, "photo: not a JPEG or PNG image");
        }
        return photo;
    }

    private static byte[] digest(final EnrollmentRequest request) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(request));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot digest the request", e);
        }
    }
}
