package org.safepassage.enrollment.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.model.AuditAnchor;
import org.safepassage.enrollment.audit.AuditReport.Finding;
import org.safepassage.enrollment.audit.AuditReport.Kind;

/** The chain and anchor checks on rows built in memory; {@code AccessAuditTest} does the same through PostgreSQL. */
class AuditCheckTest {
    private static final Instant AT = Instant.parse("2026-12-03T08:00:00.123456Z");

    private static List<AuditEntry> chain(final int rows) {
        final List<AuditEntry> entries = new ArrayList<>();
        byte[] prev = AuditChain.GENESIS;
        for (int seq = 1; seq <= rows; seq++) {
            final AuditEntry entry = entry(seq, "officer", prev);
            entries.add(entry);
            prev = entry.rowHash();
        }
        return entries;
    }

    private static AuditEntry entry(final long seq, final String actor, final byte[] prev) {
        final byte[] hash = AuditChain.rowHash(prev, seq, AT, actor, "SUBJECT_PAGE", "subject-0000000000000001",
                "names, birth date");
        return new AuditEntry(seq, AT, actor, "SUBJECT_PAGE", "subject-0000000000000001", "names, birth date", prev,
                hash);
    }

    private static AuditAnchor anchor(final AuditEntry row) {
        return new AuditAnchor("RegistryMSP", row.seq(), HexFormat.of().formatHex(row.rowHash()), AT, "tx-00000001");
    }

    private static AuditEntry withActor(final AuditEntry row, final String actor) {
        return new AuditEntry(row.seq(), row.readAt(), actor, row.purpose(), row.subjectId(), row.what(),
                row.prevHash(), row.rowHash());
    }

    @Nested
    class Chain {
        @Test
        void an_untouched_chain_has_no_finding() {
            assertThat(AuditCheck.chainFindings(chain(5))).isEmpty();
        }

        @Test
        void a_changed_field_is_reported_as_altered_at_its_row() {
            final List<AuditEntry> rows = chain(5);
            rows.set(2, withActor(rows.get(2), "someone-else"));

            assertThat(AuditCheck.chainFindings(rows)).extracting(Finding::kind, Finding::fromSeq)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.ALTERED, 3L));
        }

        @Test
        void a_deleted_row_is_reported_with_its_number() {
            final List<AuditEntry> rows = chain(5);
            rows.remove(1);

            assertThat(AuditCheck.chainFindings(rows)).containsExactly(
                    new Finding(Kind.DELETED, 2, 2, "1 row(s) missing before row 3"));
        }

        @Test
        void deleted_first_rows_are_reported() {
            final List<AuditEntry> rows = chain(4);
            rows.remove(0);
            rows.remove(0);

            assertThat(AuditCheck.chainFindings(rows)).extracting(Finding::kind, Finding::fromSeq, Finding::toSeq)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.DELETED, 1L, 2L));
        }

        @Test
        void a_row_spliced_in_on_another_predecessor_breaks_the_chain_on_both_sides() {
            final List<AuditEntry> rows = chain(4);
            rows.set(2, entry(3, "officer", AuditChain.GENESIS));

            assertThat(AuditCheck.chainFindings(rows)).extracting(Finding::kind, Finding::fromSeq)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.CHAIN_BROKEN, 3L),
                            org.assertj.core.groups.Tuple.tuple(Kind.CHAIN_BROKEN, 4L));
        }
    }

    @Nested
    class Anchors {
        @Test
        void a_chain_rewritten_with_fresh_hashes_passes_the_chain_check_but_not_the_anchor() {
            final List<AuditEntry> original = chain(4);
            final AuditAnchor anchored = anchor(original.get(3));
            // Row 2 changed and every later hash recomputed, as someone who knows the format would.
            final List<AuditEntry> rewritten = new ArrayList<>(original.subList(0, 1));
            byte[] prev = original.get(0).rowHash();
            for (int seq = 2; seq <= 4; seq++) {
                final AuditEntry row = entry(seq, seq == 2 ? "someone-else" : "officer", prev);
                rewritten.add(row);
                prev = row.rowHash();
            }

            assertThat(AuditCheck.chainFindings(rewritten)).isEmpty();
            assertThat(AuditCheck.anchorFindings(rewritten, List.of(anchored))).extracting(Finding::kind,
                    Finding::fromSeq).containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.ANCHOR_MISMATCH, 4L));
        }

        @Test
        void rows_deleted_from_the_end_after_an_anchor_are_reported() {
            final List<AuditEntry> rows = chain(5);
            final AuditAnchor anchored = anchor(rows.get(4));

            assertThat(AuditCheck.anchorFindings(rows.subList(0, 3), List.of(anchored)))
                    .extracting(Finding::kind, Finding::fromSeq, Finding::toSeq)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.ANCHORED_ROWS_MISSING, 4L, 5L));
        }

        @Test
        void matching_anchors_have_no_finding() {
            final List<AuditEntry> rows = chain(5);

            assertThat(AuditCheck.anchorFindings(rows, List.of(anchor(rows.get(1)), anchor(rows.get(4))))).isEmpty();
        }
    }
}
