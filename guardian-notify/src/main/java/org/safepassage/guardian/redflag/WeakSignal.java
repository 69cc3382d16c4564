package org.safepassage.guardian.redflag;

import java.util.List;
import org.safepassage.chaincode.model.RedFlagEvidence;

/**
 * A pattern too weak to raise an alert on: approvals from one number for several children, each within seconds of the
 * request. An attentive parent with the phone in hand looks the same as an automated or coached reply, so this is
 * counted and logged for the analysts' statistics, never put on the ledger.
 *
 * @param evidence the fast approvals (decision transactions)
 */
public record WeakSignal(String subjectId, List<RedFlagEvidence> evidence) {
    public WeakSignal {
        evidence = List.copyOf(evidence);
    }
}
