package org.safepassage.enrollment.audit;

import java.time.Instant;
import java.util.HexFormat;

/**
 * One row of the access audit.
 *
 * @param seq the row's number: 1, 2, 3, ... with no gaps
 * @param readAt when the data was read (to the microsecond, as PostgreSQL keeps it)
 * @param actor who read it ({@link org.safepassage.service.actor.ActingPerson#name()})
 * @param purpose why: a {@link Purpose} name (kept as text, so an altered row still reads)
 * @param subjectId whose data (opaque id)
 * @param what which categories of data, and any opaque reference (a guardian, a crossing request); never values
 * @param prevHash the previous row's {@code rowHash} (32 zero bytes for row 1)
 * @param rowHash {@link AuditChain#rowHash} of this row
 */
public record AuditEntry(long seq, Instant readAt, String actor, String purpose, String subjectId, String what,
        byte[] prevHash, byte[] rowHash) {

    /** The row hash as hex, as the ledger's anchors and the screens show it. */
    public String rowHashHex() {
        return HexFormat.of().formatHex(rowHash);
    }

    /** The time to the second, in UTC, for the screen. */
    public String readAtText() {
        return readAt.toString().substring(0, 19).replace('T', ' ') + " UTC";
    }
}
