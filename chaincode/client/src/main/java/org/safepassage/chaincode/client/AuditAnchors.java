package org.safepassage.chaincode.client;

import java.util.List;
import org.safepassage.chaincode.model.AnchorAuditHeadCommand;
import org.safepassage.chaincode.model.AuditAnchor;

/**
 * The chaincode's {@code audit} contract: the heads of the caller's organisation's access-audit hash chain.
 *
 * <p>Submitting methods return once the transaction has committed; evaluating ones ask a single peer. Failures are
 * reported as on {@link Subjects}. Arguments must not be null. Thread-safe.
 */
public interface AuditAnchors {
    /**
     * Submits {@code AnchorAuditHead}. The same head again writes nothing; a head with fewer rows than the last
     * anchor, or another hash at its count, is refused as {@code AUDIT_HEAD_CONFLICT}.
     *
     * @param command the row count and the hash of the last row
     * @return the anchor as the ledger holds it
     */
    AuditAnchor anchor(AnchorAuditHeadCommand command);

    /**
     * Evaluates {@code ListAuditAnchors}.
     *
     * @return the caller's organisation's anchors, by row count
     */
    List<AuditAnchor> list();
}
