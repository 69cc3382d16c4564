package org.safepassage.enrollment.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.safepassage.chaincode.client.LedgerException;
import org.safepassage.chaincode.model.AuditAnchor;
import org.safepassage.enrollment.audit.AuditReport.Finding;
import org.safepassage.enrollment.audit.AuditReport.Kind;
import org.safepassage.enrollment.ledger.RegistryLedger;
import org.safepassage.service.db.Jdbc;

/**
 * Checks the access audit end to end: every row's hash against its fields and its predecessor, the numbers for gaps,
 * and the heads the ledger anchored against the rows they name. A row changed in SQL shows as ALTERED; a row deleted
 * as DELETED; a chain rewritten with fresh hashes up to an anchored row as ANCHOR_MISMATCH; the newest rows deleted
 * after an anchor as ANCHORED_ROWS_MISSING. Reads the whole table, in row order.
 */
@ApplicationScoped
public class AuditCheck {
    private static final HexFormat HEX = HexFormat.of();

    private final Jdbc jdbc;
    private final RegistryLedger ledger;

    AuditCheck(final Jdbc jdbc, final RegistryLedger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    public AuditReport run() {
        final List<AuditEntry> rows = jdbc.query("select " + AccessAudit.COLUMNS + " from access_audit order by seq",
                AccessAudit::entry);
        final List<Finding> findings = new ArrayList<>(chainFindings(rows));
        List<AuditAnchor> anchors = null;
        String ledgerProblem = null;
        try {
            anchors = ledger.officer().auditAnchors().list();
        } catch (LedgerException e) {
            ledgerProblem = e.getMessage();
        }
        if (anchors != null) {
            findings.addAll(anchorFindings(rows, anchors));
        }
        findings.sort(java.util.Comparator.comparingLong(Finding::fromSeq).thenComparing(Finding::kind));
        final AuditEntry last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        final AuditAnchor latest = anchors == null || anchors.isEmpty() ? null : anchors.get(anchors.size() - 1);
        return new AuditReport(findings.isEmpty() && anchors != null, Instant.now(), rows.size(),
                last == null ? 0 : last.seq(), last == null ? null : last.rowHashHex(),
                anchors == null ? -1 : anchors.size(), latest == null ? 0 : latest.rowCount(),
                latest == null ? null : latest.anchoredAt(), ledgerProblem, List.copyOf(findings));
    }

    static List<Finding> chainFindings(final List<AuditEntry> rows) {
        final List<Finding> findings = new ArrayList<>();
        long expectedSeq = 1;
        byte[] prevHash = AuditChain.GENESIS;
        for (AuditEntry row : rows) {
            final boolean gap = row.seq() != expectedSeq;
            if (gap) {
                findings.add(new Finding(Kind.DELETED, expectedSeq, row.seq() - 1,
                        (row.seq() - expectedSeq) + " row(s) missing before row " + row.seq()));
            }
            if (!Arrays.equals(AuditChain.expected(row), row.rowHash())) {
                findings.add(new Finding(Kind.ALTERED, row.seq(), row.seq(),
                        "the row's fields do not give the hash it carries"));
            } else if (!gap && !Arrays.equals(row.prevHash(), prevHash)) {
                findings.add(new Finding(Kind.CHAIN_BROKEN, row.seq(), row.seq(),
                        "the row does not follow from row " + (row.seq() - 1)));
            }
            expectedSeq = row.seq() + 1;
            prevHash = row.rowHash();
        }
        return findings;
    }

    static List<Finding> anchorFindings(final List<AuditEntry> rows, final List<AuditAnchor> anchors) {
        final java.util.Map<Long, AuditEntry> bySeq = new java.util.HashMap<>();
        rows.forEach(row -> bySeq.put(row.seq(), row));
        final long lastSeq = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).seq();
        final List<Finding> findings = new ArrayList<>();
        for (AuditAnchor anchor : anchors) {
            final AuditEntry row = bySeq.get(anchor.rowCount());
            if (row == null && anchor.rowCount() > lastSeq) {
                findings.add(new Finding(Kind.ANCHORED_ROWS_MISSING, lastSeq + 1, anchor.rowCount(),
                        "the ledger anchored " + anchor.rowCount() + " rows at " + anchor.anchoredAt()
                                + " (transaction " + anchor.txId() + "); the table ends at row " + lastSeq));
            } else if (row != null && !HEX.formatHex(row.rowHash()).equals(anchor.headHash())) {
                findings.add(new Finding(Kind.ANCHOR_MISMATCH, row.seq(), row.seq(), "the ledger anchored row "
                        + row.seq() + " at " + anchor.anchoredAt() + " (transaction " + anchor.txId()
                        + ") with hash " + anchor.headHash()));
            }
        }
        return findings;
    }
}
