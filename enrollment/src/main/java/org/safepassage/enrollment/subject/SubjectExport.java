package org.safepassage.enrollment.subject;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.safepassage.chaincode.client.ChaincodeRefusedException;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.enrollment.gallery.EnrolledGallery;
import org.safepassage.enrollment.gallery.IrisGallery;
import org.safepassage.enrollment.ledger.RegistryLedger;
import org.safepassage.enrollment.vault.SubjectVault;
import org.safepassage.enrollment.vault.VaultField;

/** GDPR Art. 15: everything held about one person, decrypted, with what the ledger holds about them. */
@ApplicationScoped
public class SubjectExport {
    /** What an export discloses, as the access audit records it. */
    public static final String AUDITED = "everything held (Art. 15): personal data, photo, consent, guardians with "
            + "phone numbers, fingerprint templates, commitment, ledger record, referrals";

    private final SubjectStore store;
    private final SealedRecords sealed;
    private final SubjectVault vault;
    private final Referrals referrals;
    private final RegistryLedger ledger;

    SubjectExport(final SubjectStore store, final SealedRecords sealed, final SubjectVault vault,
            final Referrals referrals, final RegistryLedger ledger) {
        this.store = store;
        this.sealed = sealed;
        this.vault = vault;
        this.referrals = referrals;
        this.ledger = ledger;
    }

    /** The export document. Template bytes are included: they are personal data too. */
    public record Export(String subjectId, Instant exportedAt, PersonalData person, String photo, Consent consent,
            List<ExportedGuardian> guardians, Map<Finger, String> fingerprintTemplates, String commitmentScheme,
            String commitment, String enrolledBy, Instant enrolledAt, Subject ledgerRecord,
            List<Referrals.Referral> duplicateReferrals, String processing, Map<Eye, ExportedIris> irises) {}

    /** An enrolled eye: its IrisCode and mask, its iris-fc-v1 helper data (base64 of the stored formats). */
    public record ExportedIris(String code, String helperData, String commitment) {}

    public record ExportedGuardian(String guardianRef, GuardianDetails details, boolean phoneVerified,
            boolean current) {}

    public Export export(final String subjectId) {
        final StoredSubject s = store.require(subjectId);
        final List<ExportedGuardian> guardians = store.guardians(subjectId).stream()
                .map(g -> new ExportedGuardian(g.guardianRef(),
                        sealed.open(subjectId, VaultField.GUARDIAN, g.details(), GuardianDetails.class),
                        g.phoneVerified(),
                        g.version() == s.guardianVersion()))
                .toList();
        final Map<Finger, String> templates = new java.util.EnumMap<>(Finger.class);
        store.templates(subjectId).forEach((finger, sealed) -> templates.put(finger, Base64.getEncoder()
                .encodeToString(vault.decrypt(subjectId, EnrolledGallery.templateField(finger), sealed))));
        final Map<Eye, ExportedIris> irises = new java.util.EnumMap<>(Eye.class);
        for (final StoredIris iris : store.irises(subjectId)) {
            irises.put(iris.eye(), new ExportedIris(
                    Base64.getEncoder().encodeToString(vault.decrypt(subjectId,
                            IrisGallery.field(iris.eye(), IrisGallery.Part.CODE), iris.code())),
                    Base64.getEncoder().encodeToString(vault.decrypt(subjectId,
                            IrisGallery.field(iris.eye(), IrisGallery.Part.HELPER), iris.helper())),
                    iris.commitment()));
        }
        Subject onLedger = null;
        if (s.ledgerState() == StoredSubject.LedgerState.REGISTERED) {
            try {
                onLedger = ledger.officer().subjects().read(subjectId);
            } catch (ChaincodeRefusedException e) {
                onLedger = null;
            }
        }
        return new Export(subjectId, Instant.now(),
                sealed.open(subjectId, VaultField.PERSONAL, s.personal(), PersonalData.class),
                s.photo() == null ? null
                        : Base64.getEncoder().encodeToString(vault.decrypt(subjectId, VaultField.PHOTO, s.photo())),
                sealed.open(subjectId, VaultField.CONSENT, s.consent(), Consent.class), guardians, templates,
                s.scheme(),
                s.commitment(), s.enrolledBy(), s.createdAt(), onLedger,
                referrals.open().stream().filter(r -> r.candidateSubjectId().equals(subjectId)).toList(),
                "Held by the registry to protect the subject at border crossings. Personal data, photo, guardians, "
                        + "fingerprint templates and iris codes with their helper data are stored encrypted off-chain; the ledger holds only the opaque id, "
                        + "the commitment, opaque guardian references and crossing records.", irises);
    }
}
