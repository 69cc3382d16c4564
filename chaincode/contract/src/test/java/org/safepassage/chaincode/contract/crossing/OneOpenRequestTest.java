package org.safepassage.chaincode.contract.crossing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.chaincode.contract.TestLedger.EVIDENCE;
import static org.safepassage.chaincode.contract.TestLedger.GUARD;
import static org.safepassage.chaincode.contract.TestLedger.NOTIFIER;
import static org.safepassage.chaincode.contract.TestLedger.POST;
import static org.safepassage.chaincode.contract.TestLedger.json;

import java.time.Duration;
import java.util.List;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.contract.TestLedger;
import org.safepassage.chaincode.model.Crossing;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.Decision;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.LegalBasis;
import org.safepassage.chaincode.model.OpenCrossingRequestCommand;
import org.safepassage.chaincode.model.OpenRequest;
import org.safepassage.chaincode.model.Outcome;
import org.safepassage.chaincode.model.RecordCrossingCommand;
import org.safepassage.chaincode.model.RecordGuardianDecisionCommand;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.ledger.sim.Endorsement;
import org.safepassage.ledger.sim.Proposal;
import org.safepassage.ledger.sim.Result;
import org.safepassage.ledger.sim.Signer;
import org.safepassage.ledger.sim.VersionedValue;

/** {@code OpenCrossingRequest} refuses a second open request per subject, and every way a request ends frees it. */
class OneOpenRequestTest {
    private static final List<String> EVERY_ORGANISATION = List.of("RegistryMSP", "BorderMSP", "ChildProtectionMSP");

    private final TestLedger ledger = new TestLedger();

    private static String command(final Subject subject, final Direction direction) {
        return json(new OpenCrossingRequestCommand(subject.subjectId(), POST, direction, null, null, true));
    }

    private CrossingRequest open(final Subject subject) {
        return ledger.ok(GUARD, CrossingRequest.class, "crossing:OpenCrossingRequest",
                command(subject, Direction.EXIT));
    }

    /** The request a refused second opening names, after checking that it was refused as REQUEST_ALREADY_OPEN. */
    private String refusedNaming(final Subject subject, final Direction direction) {
        assertThat(ledger.refusal(GUARD, "crossing:OpenCrossingRequest", command(subject, direction)))
                .isEqualTo(ErrorCode.REQUEST_ALREADY_OPEN);
        final Result refused = ledger.submit(GUARD, "crossing:OpenCrossingRequest", command(subject, direction));
        final String explanation = refused.message().substring((ErrorCode.REQUEST_ALREADY_OPEN.name() + ": ").length());
        return OpenRequest.fromExplanation(explanation).orElseThrow();
    }

    private CrossingRequest decide(final CrossingRequest request, final String guardian, final Decision decision) {
        return ledger.ok(NOTIFIER, CrossingRequest.class, "crossing:RecordGuardianDecision",
                json(new RecordGuardianDecisionCommand(request.requestId(), guardian, decision, EVIDENCE)));
    }

    private Endorsement endorsedOpening(final Subject subject) {
        final Endorsement endorsement =
                ledger.simulator().simulate(Proposal.of(GUARD, "crossing:OpenCrossingRequest",
                        command(subject, Direction.EXIT)));
        assertThat(endorsement.isSuccess()).as(endorsement.message()).isTrue();
        return endorsement.endorsedBy(EVERY_ORGANISATION.stream().map(Signer::peerOf).toList());
    }

    @Nested
    class WhileARequestIsOpen {
        @Test
        void a_second_request_for_the_subject_is_refused_naming_the_open_one() {
            final Subject subject = ledger.registerMinor(1, 1);
            final CrossingRequest first = open(subject);

            assertThat(refusedNaming(subject, Direction.EXIT)).isEqualTo(first.requestId());
            assertThat(refusedNaming(subject, Direction.ENTRY))
                    .as("another crossing of the same child while the first is open")
                    .isEqualTo(first.requestId());
        }

        @Test
        void a_decision_short_of_the_quorum_leaves_it_open() {
            final Subject subject = ledger.registerMinor(2, 3);
            final CrossingRequest first = open(subject);
            decide(first, subject.guardianRefs().get(0), Decision.APPROVE);
            decide(first, subject.guardianRefs().get(1), Decision.REFUSE);

            assertThat(refusedNaming(subject, Direction.EXIT)).isEqualTo(first.requestId());
        }

        @Test
        void another_subject_is_unaffected() {
            final Subject subject = ledger.registerMinor(1, 1);
            final Subject sibling = ledger.registerMinor(1, 1);
            open(subject);

            final CrossingRequest siblings = open(sibling);

            assertThat(siblings.subjectId()).isEqualTo(sibling.subjectId());
            assertThat(refusedNaming(sibling, Direction.EXIT)).isEqualTo(siblings.requestId());
        }

        @Test
        void the_marker_holds_only_opaque_ids_and_no_key_level_parameter() {
            final Subject subject = ledger.registerMinor(1, 1);
            final CrossingRequest request = open(subject);

            final VersionedValue marker = ledger.simulator().worldState()
                    .get("\u0000openrequest\u0000" + subject.subjectId() + "\u0000").orElseThrow();

            assertThat(TestLedger.utf8(marker.value())).isEqualTo("{\"requestId\":\"" + request.requestId()
                    + "\",\"subjectId\":\"" + subject.subjectId() + "\"}");
            assertThat(marker.validationParameter()).as("see Ledger.markOpen").isNull();
        }
    }

    @Nested
    class TwoOpenersAtOnce {
        @Test
        void in_one_block_the_second_is_a_read_conflict() {
            final Subject subject = ledger.registerMinor(1, 1);
            final Endorsement first = endorsedOpening(subject);
            final Endorsement second = endorsedOpening(subject);

            final var block = ledger.simulator().commit(first, second);

            assertThat(block.code(0)).isEqualTo(TxValidationCode.VALID);
            assertThat(block.code(1)).isEqualTo(TxValidationCode.MVCC_READ_CONFLICT);
            assertThat(refusedNaming(subject, Direction.EXIT)).isEqualTo(first.txId());
        }

        @Test
        void in_later_blocks_the_second_is_a_read_conflict() {
            final Subject subject = ledger.registerMinor(1, 1);
            final Endorsement first = endorsedOpening(subject);
            final Endorsement second = endorsedOpening(subject);

            assertThat(ledger.simulator().commit(first).code(0)).isEqualTo(TxValidationCode.VALID);
            assertThat(ledger.simulator().commit(second).code(0)).isEqualTo(TxValidationCode.MVCC_READ_CONFLICT);
        }
    }

    @Nested
    class EveryEndFreesTheSubject {
        @Test
        void approval() {
            final Subject subject = ledger.registerMinor(1, 1);
            decide(open(subject), subject.guardianRefs().get(0), Decision.APPROVE);

            assertThat(open(subject).subjectId()).isEqualTo(subject.subjectId());
        }

        @Test
        void refusal() {
            final Subject subject = ledger.registerMinor(1, 1);
            decide(open(subject), subject.guardianRefs().get(0), Decision.REFUSE);

            assertThat(open(subject).subjectId()).isEqualTo(subject.subjectId());
        }

        @Test
        void cancellation() {
            final Subject subject = ledger.registerMinor(1, 1);
            ledger.ok(GUARD, CrossingRequest.class, "crossing:CancelCrossingRequest", open(subject).requestId());

            assertThat(open(subject).subjectId()).isEqualTo(subject.subjectId());
        }

        @Test
        void expiry_closed_by_the_notifier() {
            final Subject subject = ledger.registerMinor(1, 1);
            final CrossingRequest first = open(subject);
            ledger.advance(Duration.ofMinutes(16));
            ledger.ok(NOTIFIER, CrossingRequest.class, "crossing:ExpireCrossingRequest", first.requestId());

            assertThat(open(subject).subjectId()).isEqualTo(subject.subjectId());
        }

        @Test
        void expiry_not_yet_closed_and_closing_it_later_keeps_the_newer_request_open() {
            final Subject subject = ledger.registerMinor(1, 1);
            final CrossingRequest first = open(subject);
            ledger.advance(Duration.ofMinutes(15));

            final CrossingRequest second = open(subject);
            ledger.ok(NOTIFIER, CrossingRequest.class, "crossing:ExpireCrossingRequest", first.requestId());

            assertThat(refusedNaming(subject, Direction.EXIT)).isEqualTo(second.requestId());
        }

        @Test
        void a_crossing_on_the_approval() {
            final Subject subject = ledger.registerMinor(1, 1);
            final CrossingRequest first = open(subject);
            decide(first, subject.guardianRefs().get(0), Decision.APPROVE);
            ledger.ok(GUARD, Crossing.class, "crossing:RecordCrossing", json(new RecordCrossingCommand(
                    subject.subjectId(), POST, Direction.EXIT, Outcome.ALLOWED, null,
                    LegalBasis.approval(first.requestId()))));

            assertThat(open(subject).subjectId()).isEqualTo(subject.subjectId());
        }
    }
}
