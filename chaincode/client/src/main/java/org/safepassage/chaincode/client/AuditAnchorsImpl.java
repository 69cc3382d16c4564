package org.safepassage.chaincode.client;

import static org.safepassage.chaincode.client.ContractCalls.json;

import java.util.List;
import org.safepassage.chaincode.model.AnchorAuditHeadCommand;
import org.safepassage.chaincode.model.AuditAnchor;

final class AuditAnchorsImpl implements AuditAnchors {
    static final String CONTRACT = "audit";

    private final ContractCalls calls;

    AuditAnchorsImpl(final ContractCalls calls) {
        this.calls = calls;
    }

    @Override
    public AuditAnchor anchor(final AnchorAuditHeadCommand command) {
        return calls.submit("AnchorAuditHead", AuditAnchor.class, json(command));
    }

    @Override
    public List<AuditAnchor> list() {
        return calls.evaluateList("ListAuditAnchors", AuditAnchor.class);
    }
}
