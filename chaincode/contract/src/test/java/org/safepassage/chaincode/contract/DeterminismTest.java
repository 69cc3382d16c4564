package org.safepassage.chaincode.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.chaincode.contract.TestLedger.DPO;
import static org.safepassage.chaincode.contract.TestLedger.EVIDENCE;
import static org.safepassage.chaincode.contract.TestLedger.GUARD;
import static org.safepassage.chaincode.contract.TestLedger.NOTIFIER;
import static org.safepassage.chaincode.contract.TestLedger.OFFICER;
import static org.safepassage.chaincode.contract.TestLedger.POST;
import static org.safepassage.chaincode.contract.TestLedger.json;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.Decision;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.EraseSubjectCommand;
import org.safepassage.chaincode.model.LegalBasis;
import org.safepassage.chaincode.model.OpenCrossingRequestCommand;
import org.safepassage.chaincode.model.Outcome;
import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.chaincode.model.RecordCrossingCommand;
import org.safepassage.chaincode.model.RecordGuardianDecisionCommand;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.ledger.sim.Endorsement;
import org.safepassage.ledger.sim.Identity;
import org.safepassage.ledger.sim.LedgerSimulator;
import org.safepassage.ledger.sim.Proposal;

/**
 * Every endorser must compute identical bytes for the same proposal, or the transaction fails endorsement. The same
 * proposals (same transaction ids and timestamps) run on two fresh simulators must give the same read/write sets,
 * responses and events, byte for byte, at every step of a full crossing.
 */
class DeterminismTest {
    private static final Instant T = Instant.parse("2026-11-29T09:30:00.123456789Z");
    private static final String SUBJECT = "subject-determinism-0001";
    private static final List<String> GUARDIANS =
            List.of("guardian-determinism-01", "guardian-determinism-02", "guardian-determinism-03");
    private static final String REQUEST = "0000000000000000000000000000000000000000000000000000000000000002";

    private static Proposal proposal(final Identity who, final String function, final String txId,
            final int secondsAfterT, final String arg) {
        return Proposal.builder(who, function).args(arg).txId(txId).timestamp(T.plusSeconds(secondsAfterT)).build();
    }

    private static String txId(final int n) {
        return String.format("%064d", n);
    }

    @Test
    void the_same_proposals_give_identical_bytes_on_fresh_ledgers() {
        final List<Proposal> crossing = List.of(
                proposal(OFFICER, "subject:RegisterSubject", txId(1), 0, json(new RegisterSubjectCommand(SUBJECT,
                        "9f".repeat(32), CommitmentScheme.FP_V1, ProtectionClass.MINOR, GUARDIANS, 2,
                        YearMonth.of(2035, 6)))),
                proposal(GUARD, "crossing:OpenCrossingRequest", REQUEST, 10,
                        json(new OpenCrossingRequestCommand(SUBJECT, POST, Direction.EXIT, null, null))),
                proposal(NOTIFIER, "crossing:RecordGuardianDecision", txId(3), 20, json(
                        new RecordGuardianDecisionCommand(REQUEST, GUARDIANS.get(0), Decision.APPROVE, EVIDENCE))),
                proposal(NOTIFIER, "crossing:RecordGuardianDecision", txId(4), 30, json(
                        new RecordGuardianDecisionCommand(REQUEST, GUARDIANS.get(1), Decision.APPROVE, EVIDENCE))),
                proposal(GUARD, "crossing:RecordCrossing", txId(5), 40, json(new RecordCrossingCommand(SUBJECT, POST,
                        Direction.EXIT, Outcome.ALLOWED, null, LegalBasis.approval(REQUEST)))),
                proposal(GUARD, "crossing:ListCrossings", txId(6), 50, SUBJECT),
                proposal(DPO, "subject:EraseSubject", txId(7), 60,
                        json(new EraseSubjectCommand(SUBJECT, "erasure-request-000001"))));
        final LedgerSimulator first = new LedgerSimulator(Clock.fixed(T, ZoneOffset.UTC));
        final LedgerSimulator second = new LedgerSimulator(Clock.fixed(T, ZoneOffset.UTC));

        for (final Proposal proposal : crossing) {
            final Endorsement a = first.simulate(proposal);
            final Endorsement b = second.simulate(proposal);

            assertThat(a.status()).as("%s: %s", proposal.function(), a.message()).isEqualTo(200);
            assertThat(b.status()).isEqualTo(a.status());
            assertThat(b.readWriteSet().toByteArray()).as(proposal.function())
                    .isEqualTo(a.readWriteSet().toByteArray());
            assertThat(b.payload()).as(proposal.function()).isEqualTo(a.payload());
            assertThat(b.event()).as(proposal.function()).isEqualTo(a.event());
            assertThat(first.commit(a).code(0)).isEqualTo(TxValidationCode.VALID);
            assertThat(second.commit(b).code(0)).isEqualTo(TxValidationCode.VALID);
        }
        assertThat(first.simulate(proposal(GUARD, "crossing:ListCrossings", txId(8), 70, SUBJECT)).payload())
                .as("the crossing survived erasure as an unlinkable record")
                .isEqualTo(second.simulate(proposal(GUARD, "crossing:ListCrossings", txId(8), 70, SUBJECT)).payload())
                .isNotEmpty();
    }

    @Test
    void a_different_timestamp_changes_the_bytes_so_the_comparison_can_fail() {
        final String register = json(new RegisterSubjectCommand(SUBJECT, "9f".repeat(32), CommitmentScheme.FP_V1,
                ProtectionClass.MINOR, GUARDIANS, 2, YearMonth.of(2035, 6)));
        final Endorsement a = new LedgerSimulator().simulate(
                proposal(OFFICER, "subject:RegisterSubject", txId(1), 0, register));
        final Endorsement b = new LedgerSimulator().simulate(
                proposal(OFFICER, "subject:RegisterSubject", txId(1), 1, register));

        assertThat(b.readWriteSet().toByteArray()).isNotEqualTo(a.readWriteSet().toByteArray());
    }
}
