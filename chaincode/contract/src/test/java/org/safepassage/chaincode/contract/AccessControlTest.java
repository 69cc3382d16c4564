package org.safepassage.chaincode.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.chaincode.contract.TestLedger.ANALYST;
import static org.safepassage.chaincode.contract.TestLedger.ANALYTICS;
import static org.safepassage.chaincode.contract.TestLedger.BORDER_NO_ROLE;
import static org.safepassage.chaincode.contract.TestLedger.BORDER_OFFICER;
import static org.safepassage.chaincode.contract.TestLedger.BORDER_SUPERVISOR;
import static org.safepassage.chaincode.contract.TestLedger.CHILD_PROTECTION_NO_ROLE;
import static org.safepassage.chaincode.contract.TestLedger.DPO;
import static org.safepassage.chaincode.contract.TestLedger.EVERYONE;
import static org.safepassage.chaincode.contract.TestLedger.EVIDENCE;
import static org.safepassage.chaincode.contract.TestLedger.GUARD;
import static org.safepassage.chaincode.contract.TestLedger.NOTIFIER;
import static org.safepassage.chaincode.contract.TestLedger.OFFICER;
import static org.safepassage.chaincode.contract.TestLedger.POST;
import static org.safepassage.chaincode.contract.TestLedger.REGISTRY_NO_ROLE;
import static org.safepassage.chaincode.contract.TestLedger.REGISTRY_SUPERVISOR;
import static org.safepassage.chaincode.contract.TestLedger.RO_GUARD;
import static org.safepassage.chaincode.contract.TestLedger.RO_POST;
import static org.safepassage.chaincode.contract.TestLedger.RO_SUPERVISOR;
import static org.safepassage.chaincode.contract.TestLedger.json;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.chaincode.model.RedFlagCommand;
import org.safepassage.chaincode.model.RedFlagEvidence;
import org.safepassage.chaincode.model.RedFlagRule;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safepassage.chaincode.model.AcknowledgeAlertCommand;
import org.safepassage.chaincode.model.AlertResolution;
import org.safepassage.chaincode.model.AnchorAuditHeadCommand;
import org.safepassage.chaincode.model.AuthoriseTripCommand;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.Decision;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.EraseSubjectCommand;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.GuardianApproval;
import org.safepassage.chaincode.model.LegalBasis;
import org.safepassage.chaincode.model.OpenCrossingRequestCommand;
import org.safepassage.chaincode.model.Outcome;
import org.safepassage.chaincode.model.OverrideReason;
import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.chaincode.model.RecordCrossingCommand;
import org.safepassage.chaincode.model.RecordGuardianDecisionCommand;
import org.safepassage.chaincode.model.RecordScanCommand;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.chaincode.model.RenewCommitmentCommand;
import org.safepassage.chaincode.model.ReplaceGuardiansCommand;
import org.safepassage.chaincode.model.RevokeTripCommand;
import org.safepassage.ledger.sim.Identity;

/**
 * Every transaction against every kind of caller: the allowed callers get past access control (whatever the
 * transaction then decides about its arguments), every other caller is refused with ACCESS_DENIED and nothing is
 * committed. The expected callers are written out here, independently of {@link Access}, as the specification.
 */
class AccessControlTest {
    private static final String SUBJECT = "subject-access-control-0001";
    private static final String GUARDIAN = "guardian-access-control-01";
    private static final String LEDGER_ID = "0123456789abcdef";
    private static final String COMMITMENT = "ab".repeat(32);

    private static final Set<Identity> REGISTRY = Set.of(OFFICER, REGISTRY_SUPERVISOR, DPO, REGISTRY_NO_ROLE);
    private static final Set<Identity> BORDER = Set.of(GUARD, BORDER_SUPERVISOR, BORDER_NO_ROLE, BORDER_OFFICER);
    private static final Set<Identity> CHILD_PROTECTION = Set.of(NOTIFIER, ANALYST, ANALYTICS,
            CHILD_PROTECTION_NO_ROLE);
    /** The neighbouring country's terminals: scans and crossings at its own posts, nothing of Moldova's history. */
    private static final Set<Identity> RO_POSTS = Set.of(RO_GUARD, RO_SUPERVISOR);

    static Stream<Arguments> transactions() {
        final Instant now = TestLedger.START;
        return Stream.of(
                tx("subject:RegisterSubject", Set.of(OFFICER, REGISTRY_SUPERVISOR), json(new RegisterSubjectCommand(
                        SUBJECT, COMMITMENT, CommitmentScheme.FP_V1, ProtectionClass.MINOR, List.of(GUARDIAN), 1,
                        YearMonth.of(2035, 1)))),
                tx("subject:ReplaceGuardians", Set.of(OFFICER, REGISTRY_SUPERVISOR),
                        json(new ReplaceGuardiansCommand(SUBJECT, List.of(GUARDIAN), 1))),
                tx("subject:RenewCommitment", Set.of(OFFICER, REGISTRY_SUPERVISOR),
                        json(new RenewCommitmentCommand(SUBJECT, COMMITMENT, CommitmentScheme.FP_V1))),
                tx("subject:FlagMissing", Set.of(OFFICER, REGISTRY_SUPERVISOR, ANALYST), SUBJECT),
                tx("subject:UnflagMissing", Set.of(OFFICER, REGISTRY_SUPERVISOR, ANALYST), SUBJECT),
                tx("subject:EraseSubject", Set.of(DPO), json(new EraseSubjectCommand(SUBJECT, "erasure-request-0001"))),
                tx("subject:ReadSubject", union(REGISTRY, BORDER, CHILD_PROTECTION, RO_POSTS), SUBJECT),
                tx("subject:ReadTombstone", union(REGISTRY, BORDER, CHILD_PROTECTION, RO_POSTS), SUBJECT),
                tx("subject:FindSubjectByCommitment", union(REGISTRY, BORDER), "fp-v1", COMMITMENT),
                tx("crossing:RecordScan", Set.of(GUARD, BORDER_SUPERVISOR),
                        json(new RecordScanCommand(SUBJECT, POST))),
                tx("crossing:RecordScan", RO_POSTS, json(new RecordScanCommand(SUBJECT, RO_POST))),
                tx("crossing:OpenCrossingRequest", Set.of(GUARD, BORDER_SUPERVISOR),
                        json(new OpenCrossingRequestCommand(SUBJECT, POST, Direction.EXIT, null, null))),
                tx("crossing:OpenCrossingRequest", RO_POSTS,
                        json(new OpenCrossingRequestCommand(SUBJECT, RO_POST, Direction.ENTRY, null, null))),
                tx("crossing:RecordGuardianDecision", Set.of(NOTIFIER), json(new RecordGuardianDecisionCommand(
                        LEDGER_ID, GUARDIAN, Decision.APPROVE, EVIDENCE))),
                tx("crossing:ExpireCrossingRequest", union(Set.of(NOTIFIER, GUARD, BORDER_SUPERVISOR), RO_POSTS),
                        LEDGER_ID),
                tx("crossing:CancelCrossingRequest", union(Set.of(GUARD, BORDER_SUPERVISOR), RO_POSTS), LEDGER_ID),
                tx("crossing:ReadCrossingRequest", union(BORDER, CHILD_PROTECTION, RO_POSTS), LEDGER_ID),
                tx("crossing:RecordCrossing", Set.of(GUARD, BORDER_SUPERVISOR), json(new RecordCrossingCommand(
                        SUBJECT, POST, Direction.EXIT, Outcome.ALLOWED, null, LegalBasis.notRequired()))),
                tx("crossing:RecordCrossing", RO_POSTS, json(new RecordCrossingCommand(
                        SUBJECT, RO_POST, Direction.ENTRY, Outcome.ALLOWED, null, LegalBasis.notRequired()))),
                tx("crossing:RecordCrossing", Set.of(BORDER_SUPERVISOR), json(new RecordCrossingCommand(SUBJECT,
                        POST, Direction.EXIT, Outcome.ALLOWED, null, LegalBasis.override(OverrideReason.COURT_ORDER)))),
                tx("crossing:RecordCrossing", Set.of(), json(new RecordCrossingCommand(SUBJECT, RO_POST,
                        Direction.ENTRY, Outcome.ALLOWED, null, LegalBasis.override(OverrideReason.COURT_ORDER)))),
                tx("crossing:ListCrossings", union(BORDER, CHILD_PROTECTION), SUBJECT),
                tx("trip:AuthoriseTrip", Set.of(NOTIFIER), json(new AuthoriseTripCommand(SUBJECT, now,
                        now.plusSeconds(86_400), List.of(POST), List.of(), null, null,
                        List.of(new GuardianApproval(GUARDIAN, EVIDENCE))))),
                tx("trip:RevokeTrip", Set.of(NOTIFIER), json(new RevokeTripCommand(SUBJECT, LEDGER_ID, GUARDIAN,
                        EVIDENCE))),
                tx("trip:ListTrips", union(BORDER, CHILD_PROTECTION, RO_POSTS), SUBJECT),
                tx("alert:AcknowledgeAlert", Set.of(ANALYST),
                        json(new AcknowledgeAlertCommand(LEDGER_ID, AlertResolution.FALSE_POSITIVE))),
                tx("alert:RaiseRedFlag", Set.of(ANALYTICS), json(new RedFlagCommand(RedFlagRule.POST_SHOPPING,
                        SUBJECT, POST, List.of(new RedFlagEvidence(LEDGER_ID, SUBJECT, EventType.SUBJECT_SCANNED))))),
                tx("alert:ReadAlert", CHILD_PROTECTION, LEDGER_ID),
                tx("alert:ListOpenAlerts", CHILD_PROTECTION),
                tx("audit:AnchorAuditHead", Set.of(OFFICER), json(new AnchorAuditHeadCommand(3, COMMITMENT))),
                tx("audit:ListAuditAnchors", REGISTRY));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("transactions")
    void only_the_allowed_callers_pass_access_control(final String function, final Set<Identity> allowed,
            final String argsLabel, final String[] args) {
        final TestLedger ledger = new TestLedger();
        for (final Identity caller : EVERYONE) {
            final var result = ledger.submit(caller, function, args);
            final String answer = result.status() == 200 ? "OK" : result.payloadAsString();
            if (allowed.contains(caller)) {
                assertThat(answer).as("%s by %s", function, caller.subject()).isNotEqualTo(ErrorCode.ACCESS_DENIED.name());
            } else {
                assertThat(answer).as("%s by %s", function, caller.subject()).isEqualTo(ErrorCode.ACCESS_DENIED.name());
                assertThat(result.isCommitted()).isFalse();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void a_border_police_acts_and_reads_at_its_own_country_s_posts_only() {
        final TestLedger ledger = new TestLedger();
        final var subject = ledger.registerMinor(1, 1);
        final String mdRequest = ledger.ok(GUARD, org.safepassage.chaincode.model.CrossingRequest.class,
                "crossing:OpenCrossingRequest", json(new OpenCrossingRequestCommand(subject.subjectId(), POST,
                        Direction.EXIT, null, null))).requestId();

        assertThat(ledger.refusal(RO_GUARD, "crossing:RecordScan", json(new RecordScanCommand(subject.subjectId(),
                POST)))).isEqualTo(ErrorCode.ACCESS_DENIED);
        assertThat(ledger.refusal(GUARD, "crossing:RecordScan", json(new RecordScanCommand(subject.subjectId(),
                RO_POST)))).isEqualTo(ErrorCode.ACCESS_DENIED);
        assertThat(ledger.refusal(GUARD, "crossing:RecordCrossing", json(new RecordCrossingCommand(
                subject.subjectId(), RO_POST, Direction.ENTRY, Outcome.DENIED, null, LegalBasis.notRequired()))))
                .isEqualTo(ErrorCode.ACCESS_DENIED);
        assertThat(ledger.refusal(RO_GUARD, "crossing:ReadCrossingRequest", mdRequest))
                .isEqualTo(ErrorCode.ACCESS_DENIED);
        assertThat(ledger.refusal(RO_GUARD, "crossing:CancelCrossingRequest", mdRequest))
                .isEqualTo(ErrorCode.ACCESS_DENIED);
        assertThat(ledger.refusal(RO_GUARD, "crossing:ListCrossings", subject.subjectId()))
                .isEqualTo(ErrorCode.ACCESS_DENIED);
        assertThat(ledger.ok(RO_GUARD, org.safepassage.chaincode.model.Crossing.class, "crossing:RecordCrossing",
                json(new RecordCrossingCommand(subject.subjectId(), RO_POST, Direction.ENTRY, Outcome.DENIED, null,
                        LegalBasis.notRequired()))).recordedBy()).isEqualTo("RomaniaBorderMSP/post-ro-sculeni-01");
    }

    private static Arguments tx(final String function, final Set<Identity> allowed, final String... args) {
        final String label = args.length > 0 && args[0].contains("SUPERVISED_OVERRIDE") ? "(override)" : "";
        return Arguments.of(function, allowed, label, args);
    }

    @SafeVarargs
    private static Set<Identity> union(final Set<Identity>... sets) {
        return Stream.of(sets).flatMap(Set::stream).collect(java.util.stream.Collectors.toSet());
    }
}
