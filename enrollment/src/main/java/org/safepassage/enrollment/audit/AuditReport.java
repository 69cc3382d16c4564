package org.safepassage.enrollment.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * What the check of the access audit found.
 *
 * @param intact no finding, and the ledger's anchors were compared
 * @param rows how many rows the table holds
 * @param lastSeq the number of its last row (0 when empty)
 * @param headHash that row's hash, hex
 * @param anchors how many of the ledger's anchors were compared, or -1 when the ledger could not be asked
 * @param latestAnchorRows the row count of the newest anchor (0 when none)
 * @param latestAnchorAt when it was anchored, or null
 * @param ledgerProblem why the anchors could not be compared, or null
 * @param findings every altered or missing row and every anchor that no longer matches, in row order
 */
public record AuditReport(boolean intact, Instant checkedAt, long rows, long lastSeq,
        @Schema(nullable = true, description = "null while the trail is empty") String headHash, int anchors,
        long latestAnchorRows, @Schema(nullable = true, description = "null before the first anchor") Instant latestAnchorAt,
        @Schema(nullable = true, description = "null when the ledger answered") String ledgerProblem,
        List<Finding> findings) {

    /** What is wrong with a row or a range of rows. */
    public enum Kind {
        /** The row's fields or its link no longer give the hash it carries: it was changed. */
        ALTERED,
        /** Rows {@code fromSeq}..{@code toSeq} are gone from the middle (or the start) of the chain. */
        DELETED,
        /** The row carries a previous hash other than its predecessor's: the chain was spliced here. */
        CHAIN_BROKEN,
        /** The ledger anchored this row with another hash: the chain was rewritten up to here. */
        ANCHOR_MISMATCH,
        /** The ledger anchored more rows than the table holds: the newest rows were deleted. */
        ANCHORED_ROWS_MISSING
    }

    /** One finding, about rows {@code fromSeq}..{@code toSeq}. */
    public record Finding(Kind kind, long fromSeq, long toSeq, String detail) {}
}
