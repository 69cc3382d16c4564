package org.safepassage.enrollment.subject;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.enrollment.guardian.PhoneVerifications;
import org.safepassage.enrollment.vault.VaultField;
import org.safepassage.service.api.ApiException;

/** Writes a version of a subject's guardians, at enrollment and when they are replaced. */
@ApplicationScoped
public class GuardianRecords {
    private final SubjectStore store;
    private final PhoneVerifications phones;
    private final SealedRecords sealed;

    GuardianRecords(final SubjectStore store, final PhoneVerifications phones, final SealedRecords sealed) {
        this.store = store;
        this.phones = phones;
        this.sealed = sealed;
    }

    /**
     * Writes a version of the subject's guardians, consuming each guardian's phone verification; returns the
     * references of the verified ones, which are what the ledger is given. Must run inside the caller's transaction.
     */
    List<String> write(final String subjectId, final int version, final List<GuardianInput> guardians) {
        final List<String> verified = new ArrayList<>();
        for (int i = 0; i < guardians.size(); i++) {
            final GuardianInput guardian = guardians.get(i);
            final boolean phoneVerified = guardian.verificationId() != null
                    && phones.consume(guardian.verificationId(), guardian.phoneNumber());
            if (guardian.verificationId() != null && !phoneVerified) {
                throw new ApiException(Reason.PHONE_NOT_VERIFIED, "guardians[" + i + "]: the verification is "
                        + "unknown, unfinished, used, or for another number", Map.of("field", "guardians[" + i + "]"));
            }
            final String ref = OpaqueIds.random("gdn-");
            if (phoneVerified) {
                verified.add(ref);
            }
            store.insertGuardian(new StoredGuardian(ref, subjectId, version, i,
                    sealed.seal(subjectId, VaultField.GUARDIAN, guardian.details()), phoneVerified));
        }
        return verified;
    }
}
