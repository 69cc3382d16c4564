package org.safepassage.chaincode.contract.audit;

import java.util.Optional;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.safepassage.chaincode.contract.Access;
import org.safepassage.chaincode.contract.Attribution;
import org.safepassage.chaincode.contract.Caller;
import org.safepassage.chaincode.contract.Ledger;
import org.safepassage.chaincode.contract.Refusal;
import org.safepassage.chaincode.model.AnchorAuditHeadCommand;
import org.safepassage.chaincode.model.AuditAnchor;
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.chaincode.model.ErrorCode;

/**
 * The heads of the organisations' access-audit hash chains, anchored so that a rewritten or shortened off-chain trail
 * no longer matches what the ledger holds. Each organisation anchors and reads only its own trail.
 */
@Contract(name = "audit", info = @Info(title = "SafePassage audit anchors", version = "0.1.0"))
public final class AuditContract implements ContractInterface {

    /** Records who the anchor is for (the service itself, when it anchors on its schedule; {@link Attribution}). */
    @Override
    public void beforeTransaction(final Context ctx) {
        Attribution.record(ctx);
    }

    /**
     * Anchors the caller's organisation's audit head. The same head again writes nothing and returns the anchor as it
     * stands; a head with fewer rows than the last anchor, or other bytes at the same count, is refused with
     * AUDIT_HEAD_CONFLICT: the ledger will not help hide a shortened or rewritten trail.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String AnchorAuditHead(final Context ctx, final String commandJson) {
        final Caller caller = Caller.require(ctx, Access.ANCHOR_AUDIT);
        final AnchorAuditHeadCommand command = Refusal.parse(commandJson, AnchorAuditHeadCommand.class);
        final Ledger ledger = Ledger.of(ctx);
        final Optional<AuditAnchor> head = ledger.auditHead(caller.mspId());
        if (head.isPresent()) {
            final AuditAnchor last = head.get();
            if (command.rowCount() < last.rowCount()) {
                throw Refusal.of(ErrorCode.AUDIT_HEAD_CONFLICT, "the trail had " + last.rowCount()
                        + " rows when anchored in " + last.txId() + "; " + command.rowCount() + " now");
            }
            if (command.rowCount() == last.rowCount()) {
                if (!command.headHash().equals(last.headHash())) {
                    throw Refusal.of(ErrorCode.AUDIT_HEAD_CONFLICT, "row " + last.rowCount()
                            + " was anchored with another hash in " + last.txId());
                }
                return CanonicalJson.toJson(last);
            }
        }
        final AuditAnchor anchor = new AuditAnchor(caller.mspId(), command.rowCount(), command.headHash(),
                ledger.now(), ledger.txId());
        ledger.put(anchor);
        return CanonicalJson.toJson(anchor);
    }

    /** The caller's organisation's anchors, by row count. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListAuditAnchors(final Context ctx) {
        final Caller caller = Caller.require(ctx, Access.READ_AUDIT_ANCHORS);
        return CanonicalJson.toJson(Ledger.of(ctx).auditAnchors(caller.mspId()));
    }
}
