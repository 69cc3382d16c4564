package org.safepassage.enrollment.subject;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.safepassage.enrollment.vault.VaultField;

/** Opens one guardian's contact details for the notifier. */
@ApplicationScoped
public class GuardianContacts {
    private final SubjectStore store;
    private final SealedRecords sealed;

    GuardianContacts(final SubjectStore store, final SealedRecords sealed) {
        this.store = store;
        this.sealed = sealed;
    }

    /** What the notifier needs to text a guardian. */
    public record Contact(String guardianRef, String subjectId, String phoneNumber, String language) {}

    /** The contact of a guardian whose phone was verified; empty for unknown, unverified or erased guardians. */
    public Optional<Contact> find(final String guardianRef) {
        return store.guardian(guardianRef).filter(StoredGuardian::phoneVerified).map(g -> {
            final GuardianDetails details = sealed.open(g.subjectId(), VaultField.GUARDIAN, g.details(),
                    GuardianDetails.class);
            return new Contact(g.guardianRef(), g.subjectId(), details.phoneNumber(), details.language());
        });
    }
}
