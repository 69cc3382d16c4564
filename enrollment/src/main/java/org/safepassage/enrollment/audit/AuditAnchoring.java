package org.safepassage.enrollment.audit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.client.LedgerException;
import org.safepassage.chaincode.model.AnchorAuditHeadCommand;
import org.safepassage.chaincode.model.AuditAnchor;
import org.safepassage.enrollment.ledger.RegistryLedger;

/**
 * Anchors the head of the access audit on the ledger ({@code audit:AnchorAuditHead}, as the registry's officer
 * identity) every {@code safepassage.audit.anchor-every}, when it moved since the last anchor. Rows appended after the
 * last anchor are protected by the chain alone until the next one: the interval is the window in which the newest rows
 * could be deleted without a trace.
 */
@ApplicationScoped
public class AuditAnchoring {
    private static final Logger LOG = Logger.getLogger(AuditAnchoring.class);

    private final AccessAudit audit;
    private final RegistryLedger ledger;
    private volatile long anchoredSeq;

    AuditAnchoring(final AccessAudit audit, final RegistryLedger ledger) {
        this.audit = audit;
        this.ledger = ledger;
    }

    @Scheduled(every = "${safepassage.audit.anchor-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        try {
            final Optional<AuditEntry> head = audit.head();
            if (head.isPresent() && head.get().seq() != anchoredSeq) {
                anchor(head.get());
            }
        } catch (LedgerException e) {
            // Tried again at the next tick; the check shows how old the newest anchor is.
            LOG.warnf("access audit head not anchored: %s", e.getMessage());
        }
    }

    /**
     * Anchors the current head now.
     *
     * @return the anchor, or empty when the trail is still empty
     * @throws LedgerException when the ledger is unavailable or refuses (AUDIT_HEAD_CONFLICT: the trail contradicts
     *     an earlier anchor, which the check then reports)
     */
    public Optional<AuditAnchor> anchorNow() {
        return audit.head().map(this::anchor);
    }

    private AuditAnchor anchor(final AuditEntry head) {
        final AuditAnchor anchor = ledger.officer().auditAnchors()
                .anchor(new AnchorAuditHeadCommand(head.seq(), head.rowHashHex()));
        anchoredSeq = head.seq();
        LOG.debugf("access audit anchored at row %d in %s", head.seq(), anchor.txId());
        return anchor;
    }
}
