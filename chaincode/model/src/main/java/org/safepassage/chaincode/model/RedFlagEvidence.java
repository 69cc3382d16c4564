package org.safepassage.chaincode.model;

/**
 * One ledger event a red-flag rule matched: enough for an analyst to find it on the subject's timeline.
 *
 * @param transactionId the transaction that emitted the event
 * @param subjectId the subject the event concerns
 * @param event the event's type
 */
public record RedFlagEvidence(String transactionId, String subjectId, EventType event) {
    public RedFlagEvidence {
        Require.ledgerId("transactionId", transactionId);
        Require.opaqueId("subjectId", subjectId);
        Require.present("event", event);
    }
}
