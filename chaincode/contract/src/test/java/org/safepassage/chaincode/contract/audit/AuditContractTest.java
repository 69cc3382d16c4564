package org.safepassage.chaincode.contract.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.chaincode.contract.TestLedger.DPO;
import static org.safepassage.chaincode.contract.TestLedger.OFFICER;
import static org.safepassage.chaincode.contract.TestLedger.json;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.contract.TestLedger;
import org.safepassage.chaincode.model.AnchorAuditHeadCommand;
import org.safepassage.chaincode.model.AuditAnchor;
import org.safepassage.chaincode.model.ErrorCode;

class AuditContractTest {
    private static final String HEAD_3 = "a3".repeat(32);
    private static final String HEAD_7 = "b7".repeat(32);

    private final TestLedger ledger = new TestLedger();

    private AuditAnchor anchor(final long rows, final String hash) {
        return ledger.ok(OFFICER, AuditAnchor.class, "audit:AnchorAuditHead",
                json(new AnchorAuditHeadCommand(rows, hash)));
    }

    @Nested
    class AnchorAuditHead {
        @Test
        void records_the_count_the_hash_the_time_and_the_callers_organisation() {
            final AuditAnchor anchor = anchor(3, HEAD_3);

            assertThat(anchor.mspId()).isEqualTo("RegistryMSP");
            assertThat(anchor.rowCount()).isEqualTo(3);
            assertThat(anchor.headHash()).isEqualTo(HEAD_3);
            assertThat(anchor.anchoredAt()).isEqualTo(ledger.now());
            assertThat(ledger.lastEmittedNothing()).isTrue();
        }

        @Test
        void the_same_head_again_writes_nothing_new() {
            final AuditAnchor first = anchor(3, HEAD_3);
            ledger.advance(Duration.ofMinutes(5));

            assertThat(anchor(3, HEAD_3)).isEqualTo(first);
            assertThat(ledger.okList(DPO, AuditAnchor.class, "audit:ListAuditAnchors")).containsExactly(first);
        }

        @Test
        void refuses_a_shorter_trail_or_another_hash_at_an_anchored_count() {
            anchor(7, HEAD_7);

            assertThat(ledger.refusal(OFFICER, "audit:AnchorAuditHead", json(new AnchorAuditHeadCommand(3, HEAD_3))))
                    .isEqualTo(ErrorCode.AUDIT_HEAD_CONFLICT);
            assertThat(ledger.refusal(OFFICER, "audit:AnchorAuditHead", json(new AnchorAuditHeadCommand(7, HEAD_3))))
                    .isEqualTo(ErrorCode.AUDIT_HEAD_CONFLICT);
        }

        @Test
        void refuses_malformed_heads() {
            assertThat(ledger.refusal(OFFICER, "audit:AnchorAuditHead", "{\"rowCount\":0,\"headHash\":\"" + HEAD_3
                    + "\"}")).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(ledger.refusal(OFFICER, "audit:AnchorAuditHead", "{\"rowCount\":1,\"headHash\":\"Ana Popescu\"}"))
                    .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        }
    }

    @Nested
    class ListAuditAnchors {
        @Test
        void lists_the_anchors_by_row_count() {
            final AuditAnchor three = anchor(3, HEAD_3);
            ledger.advance(Duration.ofMinutes(5));
            final AuditAnchor seven = anchor(7, HEAD_7);

            assertThat(ledger.okList(DPO, AuditAnchor.class, "audit:ListAuditAnchors")).containsExactly(three, seven);
        }
    }
}
