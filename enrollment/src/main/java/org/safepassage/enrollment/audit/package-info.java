/**
 * The access audit (issue 15, item 3): every read of a person's personal data, who, when, what and why, in an
 * append-only, hash-chained PostgreSQL table whose head is anchored on the ledger.
 *
 * <p>Entry points: {@link org.safepassage.enrollment.audit.AccessAudit} (record a read, search the trail),
 * {@link org.safepassage.enrollment.audit.AuditCheck} (report altered or deleted rows, and anchors that no longer
 * match), {@link org.safepassage.enrollment.audit.AuditAnchoring} (the periodic ledger anchor) and the DPO's API and
 * screen ({@link org.safepassage.enrollment.audit.AuditResource}, {@code /ui/audit}).
 */
package org.safepassage.enrollment.audit;
