package org.safepassage.chaincode.model;

import java.time.Instant;

/**
 * One anchored head of an organisation's off-chain access-audit hash chain: after this transaction nobody can delete,
 * alter or reorder the first {@code rowCount} rows of that chain without the mismatch showing. No personal data: a
 * count, a hash, a time, the organisation and the transaction.
 *
 * @param mspId the organisation whose trail this is (the caller's, never an argument)
 * @param rowCount how many rows the chain held
 * @param headHash the SHA-256 of the chain's row number {@code rowCount}, in hex
 * @param anchoredAt the transaction's timestamp
 * @param txId the anchoring transaction
 */
public record AuditAnchor(String mspId, long rowCount, String headHash, Instant anchoredAt, String txId) {
    public AuditAnchor {
        Require.present("mspId", mspId);
        Require.that(rowCount > 0, "rowCount: must be positive");
        Require.sha256Hex("headHash", headHash);
        Require.present("anchoredAt", anchoredAt);
        Require.ledgerId("txId", txId);
    }
}
