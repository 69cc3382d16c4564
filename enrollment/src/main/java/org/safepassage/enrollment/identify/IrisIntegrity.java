package org.safepassage.enrollment.identify;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.ModalityCommitment;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.enrollment.biometrics.iris.IrisCode;
import org.safepassage.enrollment.biometrics.iris.IrisFcV1Commitments;
import org.safepassage.enrollment.biometrics.iris.IrisHelperData;
import org.safepassage.enrollment.commitment.Commitment;
import org.safepassage.enrollment.commitment.CommitmentSalt;
import org.safepassage.enrollment.gallery.IrisGallery;
import org.safepassage.enrollment.subject.Eye;
import org.safepassage.enrollment.subject.StoredIris;
import org.safepassage.enrollment.subject.SubjectStore;
import org.safepassage.enrollment.vault.SubjectVault;
import org.safepassage.enrollment.vault.VaultException;

/**
 * The iris-fc-v1 check at the border: the live capture XOR the vault's helper data decodes to the key, whose keyed
 * slow hash must be one of the subject's iris-fc-v1 commitments on the ledger. Unlike fp-v1, this proves that the eye
 * in front of the guard is the enrolled eye, without a stored template taking part.
 *
 * <p>The matched eye is tried first, then the other; each try costs one Argon2id. Helper data or a salt that does not
 * decrypt (altered in the database), or a released key whose commitment the ledger does not hold (helper data or salt
 * replaced), is a MISMATCH: an integrity alert. A live capture that releases no key with intact helper data is
 * UNVERIFIED: the guard scans again.
 */
@ApplicationScoped
public class IrisIntegrity {
    private static final Logger LOG = Logger.getLogger(IrisIntegrity.class);

    private final SubjectStore store;
    private final SubjectVault vault;
    private final IrisFcV1Commitments commitments;

    IrisIntegrity(final SubjectStore store, final SubjectVault vault, final IrisFcV1Commitments commitments) {
        this.store = store;
        this.vault = vault;
        this.commitments = commitments;
    }

    Identification.Integrity verify(final String subjectId, final Eye matched, final List<IrisCode> live,
            final Subject onLedger) {
        final List<String> onChain = onLedger.allCommitments().stream()
                .filter(c -> c.scheme() == CommitmentScheme.IRIS_FC_V1).map(ModalityCommitment::commitment).toList();
        if (onChain.isEmpty()) {
            LOG.errorf("subject %s has enrolled irises but no iris-fc-v1 commitment on the ledger", subjectId);
            return Identification.Integrity.MISMATCH;
        }
        final List<StoredIris> eyes = new ArrayList<>(store.irises(subjectId));
        eyes.sort((a, b) -> Boolean.compare(b.eye() == matched, a.eye() == matched));
        boolean released = false;
        for (final StoredIris eye : eyes) {
            final IrisHelperData helper;
            final CommitmentSalt salt;
            try {
                helper = IrisHelperData.fromBytes(vault.decrypt(subjectId,
                        IrisGallery.field(eye.eye(), IrisGallery.Part.HELPER), eye.helper()));
                salt = new CommitmentSalt(vault.decrypt(subjectId,
                        IrisGallery.field(eye.eye(), IrisGallery.Part.SALT), eye.salt()));
            } catch (VaultException | IllegalArgumentException e) {
                LOG.errorf("the %s eye of %s: helper data or salt does not decrypt", eye.eye(), subjectId);
                return Identification.Integrity.MISMATCH;
            }
            for (final IrisCode code : live) {
                final Optional<Commitment> derived = commitments.rederive(code, helper, salt);
                if (derived.isEmpty()) {
                    continue;
                }
                released = true;
                if (onChain.stream().anyMatch(c -> constantTimeEquals(c, derived.get().value()))) {
                    return Identification.Integrity.VERIFIED;
                }
            }
        }
        if (released) {
            LOG.errorf("the live iris of %s released a key whose commitment the ledger does not hold", subjectId);
            return Identification.Integrity.MISMATCH;
        }
        return Identification.Integrity.UNVERIFIED;
    }

    private static boolean constantTimeEquals(final String a, final String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
