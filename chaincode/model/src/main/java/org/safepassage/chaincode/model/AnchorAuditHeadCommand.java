package org.safepassage.chaincode.model;

/**
 * Input of {@code audit:AnchorAuditHead}: the head of an organisation's off-chain access-audit hash chain. Only a count
 * and a hash: nothing in it names or describes a person.
 *
 * @param rowCount how many rows the chain holds (its last row's number)
 * @param headHash the SHA-256 of its last row, 64 lower-case hex digits
 */
public record AnchorAuditHeadCommand(long rowCount, String headHash) {
    public AnchorAuditHeadCommand {
        Require.that(rowCount > 0, "rowCount: must be positive");
        Require.sha256Hex("headHash", headHash);
    }
}
