package org.safepassage.enrollment.subject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.client.ChaincodeRefusedException;
import org.safepassage.chaincode.client.LedgerException;
import org.safepassage.chaincode.model.Guardians;
import org.safepassage.chaincode.model.ReplaceGuardiansCommand;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.enrollment.ledger.LedgerOutbox;
import org.safepassage.enrollment.ledger.OutboxHandler;
import org.safepassage.enrollment.ledger.RegistryLedger;
import org.safepassage.service.api.ApiException;

/**
 * Adds or replaces a subject's guardians. The new set is written as a new version beside the current one and becomes
 * current only once the ledger holds its references, so guardian-notify can resolve every reference the ledger names
 * at every moment.
 */
@ApplicationScoped
public class GuardianReplacement implements OutboxHandler {
    private static final Logger LOG = Logger.getLogger(GuardianReplacement.class);

    private final SubjectStore store;
    private final EnrollmentService enrollment;
    private final GuardianRecords guardians;
    private final RegistryLedger ledger;
    private final LedgerOutbox outbox;

    GuardianReplacement(final SubjectStore store, final EnrollmentService enrollment, final GuardianRecords guardians,
            final RegistryLedger ledger, final LedgerOutbox outbox) {
        this.store = store;
        this.enrollment = enrollment;
        this.guardians = guardians;
        this.ledger = ledger;
        this.outbox = outbox;
    }

    /** The officer's new list of guardians and quorum. */
    public record Replacement(
            @Schema(maxItems = Guardians.MAX_GUARDIANS) List<GuardianInput> guardians,
            @Schema(required = true, minimum = "0", description = "at most the number of guardians")
                    Integer approvalQuorum) {
        public Replacement {
            guardians = guardians == null ? List.of() : List.copyOf(guardians);
            if (guardians.size() > Guardians.MAX_GUARDIANS) {
                throw ApiException.invalid("guardians", "at most " + Guardians.MAX_GUARDIANS);
            }
            Fields.present("approvalQuorum", approvalQuorum);
        }
    }

    public SubjectSummary replace(final String subjectId, final Replacement replacement) {
        QuarkusTransaction.requiringNew().run(() -> {
            final StoredSubject subject = store.requireRegistered(subjectId);
            final int version = subject.guardianVersion() + 1;
            if (!store.proposeGuardians(subjectId, version, replacement.approvalQuorum())) {
                throw new ApiException(Reason.LEDGER_PENDING, "another guardian change is still waiting for the ledger");
            }
            final List<String> verified = guardians.write(subjectId, version, replacement.guardians());
            EnrollmentRules.checkQuorum(subject.protectionClass(), verified.size(), replacement.approvalQuorum());
            // Built now so that what the ledger would refuse is refused here, before the outbox entry commits.
            LedgerRules.check(() -> new ReplaceGuardiansCommand(subjectId, verified, replacement.approvalQuorum()));
            outbox.enqueue(subjectId, LedgerOutbox.Operation.REPLACE_GUARDIANS);
        });
        try {
            apply(subjectId);
        } catch (ChaincodeRefusedException e) {
            throw e;
        } catch (LedgerException e) {
            LOG.warnf("guardian change of %s deferred to the outbox: %s", subjectId, e.getMessage());
        }
        return enrollment.summary(subjectId);
    }

    @Override
    public LedgerOutbox.Operation operation() {
        return LedgerOutbox.Operation.REPLACE_GUARDIANS;
    }

    @Override
    public void apply(final String subjectId) {
        final var pending = store.pendingGuardians(subjectId).orElse(null);
        if (pending == null) {
            outbox.done(subjectId, LedgerOutbox.Operation.REPLACE_GUARDIANS);
            return;
        }
        final List<String> refs = store.guardians(subjectId).stream()
                .filter(g -> g.version() == pending.version() && g.phoneVerified())
                .map(StoredGuardian::guardianRef).toList();
        try {
            ledger.officer().subjects().replaceGuardians(
                    new ReplaceGuardiansCommand(subjectId, refs, pending.quorum()));
        } catch (ChaincodeRefusedException refused) {
            final List<String> onLedger = ledger.officer().subjects().read(subjectId).guardianRefs();
            if (!onLedger.equals(refs)) {
                QuarkusTransaction.requiringNew().run(() -> {
                    store.dropPendingGuardians(subjectId, pending);
                    outbox.done(subjectId, LedgerOutbox.Operation.REPLACE_GUARDIANS);
                });
                throw refused;
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            store.switchGuardians(subjectId, pending, Instant.now());
            outbox.done(subjectId, LedgerOutbox.Operation.REPLACE_GUARDIANS);
        });
    }
}
