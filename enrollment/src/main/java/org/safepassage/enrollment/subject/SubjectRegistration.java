package org.safepassage.enrollment.subject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.client.ChaincodeRefusedException;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.ModalityCommitment;
import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.enrollment.gallery.EnrolledGallery;
import org.safepassage.enrollment.gallery.IrisGallery;
import org.safepassage.enrollment.ledger.LedgerOutbox;
import org.safepassage.enrollment.ledger.OutboxHandler;
import org.safepassage.enrollment.ledger.RegistryLedger;
import org.safepassage.enrollment.vault.SubjectVault;

/**
 * The ledger side of an enrollment: {@code RegisterSubject} for a subject whose vault rows committed, run at once
 * after the enrollment and by the outbox until it lands. Idempotent: a retry after an unseen success finds the
 * subject on the ledger; a definitive refusal undoes the enrollment.
 */
@ApplicationScoped
public class SubjectRegistration implements OutboxHandler {
    private static final Logger LOG = Logger.getLogger(SubjectRegistration.class);

    private final SubjectStore store;
    private final SubjectVault vault;
    private final EnrolledGallery gallery;
    private final IrisEnrollments irises;
    private final IrisGallery irisGallery;
    private final RegistryLedger ledger;
    private final LedgerOutbox outbox;

    SubjectRegistration(final SubjectStore store, final SubjectVault vault, final EnrolledGallery gallery,
            final IrisEnrollments irises, final IrisGallery irisGallery, final RegistryLedger ledger,
            final LedgerOutbox outbox) {
        this.store = store;
        this.vault = vault;
        this.gallery = gallery;
        this.irises = irises;
        this.irisGallery = irisGallery;
        this.ledger = ledger;
        this.outbox = outbox;
    }

    /**
     * The command that registers a subject, built the same way when checking an enrollment and when sending it:
     * the primary commitment, and every other modality's commitment (each eye's iris-fc-v1 but the primary) beside it.
     */
    static RegisterSubjectCommand command(final String subjectId, final String commitment, final String scheme,
            final ProtectionClass protection, final List<String> guardianRefs, final int quorum,
            final YearMonth consentUntil, final List<ModalityCommitment> additionalCommitments) {
        return new RegisterSubjectCommand(subjectId, commitment, CommitmentScheme.fromId(scheme), protection,
                guardianRefs, quorum, consentUntil, additionalCommitments);
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
        final RegisterSubjectCommand command = command(subjectId, subject.commitment(), subject.scheme(),
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

    /** A retry after an unseen success: the ledger already holds this subject with this commitment. */
    private boolean alreadyRegistered(final String subjectId, final String commitment) {
        try {
            return commitment.equals(ledger.officer().subjects().read(subjectId).commitment());
        } catch (ChaincodeRefusedException notThere) {
            return false;
        }
    }
}
