package org.safepassage.enrollment.subject;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.client.LedgerException;
import org.safepassage.enrollment.ledger.RegistryLedger;
import org.safepassage.enrollment.vault.VaultField;

/**
 * The subjects as the officers' screens list and find them. The vault encrypts each person's fields under their own
 * key, so there is no SQL search by name: a search decrypts the newest {@link #SEARCH_WINDOW} subjects and filters them
 * in memory. Older subjects are found by their subject id (on the enrollment receipt) instead.
 */
@ApplicationScoped
public class SubjectDirectory {
    /** How many of the newest subjects a name search looks through. */
    public static final int SEARCH_WINDOW = 500;

    private static final Logger LOG = Logger.getLogger(SubjectDirectory.class);

    private final SubjectStore store;
    private final EnrollmentService enrollment;
    private final SealedRecords sealed;
    private final RegistryLedger ledger;

    SubjectDirectory(final SubjectStore store, final EnrollmentService enrollment, final SealedRecords sealed,
            final RegistryLedger ledger) {
        this.store = store;
        this.enrollment = enrollment;
        this.sealed = sealed;
        this.ledger = ledger;
    }

    /** One page of the newest subjects. */
    public List<SubjectListing> newest(final int limit, final int offset) {
        return store.newest(limit, offset).stream().map(this::listing).toList();
    }

    /** Subjects among the newest {@link #SEARCH_WINDOW} whose names or id match, at most {@code limit}. */
    public List<SubjectListing> search(final String query, final int limit) {
        final List<SubjectListing> hits = new java.util.ArrayList<>(newest(SEARCH_WINDOW, 0).stream()
                .filter(s -> s.matches(query)).limit(limit).toList());
        // An exact id beyond the window is still found: the id is in clear.
        if (hits.isEmpty() && query != null && !query.isBlank()) {
            store.find(query.trim()).map(this::listing).ifPresent(hits::add);
        }
        return hits;
    }

    public Optional<SubjectListing> listing(final String subjectId) {
        return store.find(subjectId).map(this::listing);
    }

    public Optional<SubjectProfile> profile(final String subjectId) {
        return store.find(subjectId).map(subject -> {
            final PersonalData person = sealed.open(subjectId, VaultField.PERSONAL, subject.personal(),
                    PersonalData.class);
            final List<SubjectProfile.GuardianView> guardians = store.guardians(subjectId).stream()
                    .filter(g -> g.version() == subject.guardianVersion())
                    .map(g -> guardian(g, sealed.open(subjectId, VaultField.GUARDIAN, g.details(), GuardianDetails.class)))
                    .toList();
            return new SubjectProfile(listing(subject, person), person.sex().name(), person.placeOfBirth(),
                    person.languages(), enrollment.summary(subjectId), guardians, status(subject));
        });
    }

    private String status(final StoredSubject subject) {
        if (subject.ledgerState() != StoredSubject.LedgerState.REGISTERED) {
            return subject.ledgerState().name();
        }
        try {
            return ledger.officer().subjects().read(subject.subjectId()).status().name();
        } catch (LedgerException e) {
            // The screen still shows what the vault holds; the officer sees the ledger is not answering.
            LOG.warnf("ledger status of %s unavailable: %s", subject.subjectId(), e.getMessage());
            return "UNKNOWN";
        }
    }

    private static SubjectProfile.GuardianView guardian(final StoredGuardian g, final GuardianDetails details) {
        return new SubjectProfile.GuardianView(g.guardianRef(), details.name(), details.relation(),
                MaskedPhone.of(details.phoneNumber()), details.language(), g.phoneVerified());
    }

    private SubjectListing listing(final StoredSubject subject) {
        return listing(subject, sealed.open(subject.subjectId(), VaultField.PERSONAL, subject.personal(),
                PersonalData.class));
    }

    private static SubjectListing listing(final StoredSubject subject, final PersonalData person) {
        return new SubjectListing(subject.subjectId(), person.givenNames(), person.familyName(), person.birthDate(),
                subject.protectionClass(), subject.ledgerState(), subject.createdAt());
    }
}
