package org.safepassage.chaincode.model;

/** Input of {@code crossing:RecordGuardianDecision}: a guardian answered a crossing request. */
public record RecordGuardianDecisionCommand(
        String requestId, String guardianRef, Decision decision, String evidenceHash) {
    public RecordGuardianDecisionCommand {
        Require.ledgerId("requestId", requestId);
        Require.opaqueId("guardianRef", guardianRef);
        Require.present("decision", decision);
        Require.sha256Hex("evidenceHash", evidenceHash);
    }
}
