package org.safepassage.network.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.safepassage.chaincode.client.ChaincodeRefusedException;
import org.safepassage.chaincode.client.EventStream;
import org.safepassage.chaincode.client.ReceivedEvent;
import org.safepassage.chaincode.client.LedgerConnection;
import org.safepassage.chaincode.client.SafePassageChaincode;
import org.safepassage.chaincode.model.Alert;
import org.safepassage.chaincode.model.BasisType;
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.Crossing;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.Decision;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.chaincode.model.LegalBasis;
import org.safepassage.chaincode.model.OpenCrossingRequestCommand;
import org.safepassage.chaincode.model.Outcome;
import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.chaincode.model.RecordCrossingCommand;
import org.safepassage.chaincode.model.RecordGuardianDecisionCommand;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.chaincode.model.RequestStatus;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.chaincode.model.SubjectStatus;

/**
 * A protected minor's crossing, end to end on the real Fabric network started by {@code network/fabric/up}: every
 * caller is a real X.509 identity of its organisation, connected through its own organisation's peer, and every
 * transaction is endorsed under the committed endorsement policy, ordered by Raft and validated by all three peers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealFabricScenarioIT {
    private static final String POST = "MD-LEUSENI";

    private FabricConnection fabric;
    private SafePassageChaincode officer;
    private SafePassageChaincode guard;
    private SafePassageChaincode notifier;
    private Gateway analystGateway;

    private final String subjectId = "subj_" + random();
    private final List<String> guardians = List.of("grd_" + random(), "grd_" + random(), "grd_" + random());
    private String requestId;
    private String crossingId;

    @BeforeAll
    void connect() throws InterruptedException {
        fabric = FabricConnection.fromSystemProperties();
        System.out.printf("real Fabric %s network from %s, channel %s, chaincode %s%n", fabric.fabricVersion(),
                fabric.data(), fabric.channel(), fabric.chaincode());
        officer = client("RegistryMSP", "officer");
        guard = client("BorderMSP", "guard");
        notifier = client("ChildProtectionMSP", "notifier");
        analystGateway = fabric.gateway("ChildProtectionMSP", "analyst");
        fabric.awaitEndorsementPlan(analystGateway, "alert:ListOpenAlerts");
        fabric.awaitEveryGateway();
    }

    @AfterAll
    void close() throws InterruptedException {
        if (fabric != null) {
            fabric.close();
        }
    }

    private SafePassageChaincode client(final String mspId, final String user) {
        return SafePassageChaincode.of(fabric.gateway(mspId, user).getNetwork(fabric.channel()), fabric.chaincode());
    }

    @Test
    @Order(0)
    void servicesFindEveryPeerThroughTheSameConnectionFileAsOnTheDevpeer() throws Exception {
        final LedgerConnection connection = LedgerConnection.read(fabric.data().resolve("connection.json"));
        assertThat(connection.channel()).isEqualTo(fabric.channel());
        assertThat(connection.peers()).containsKeys("RegistryMSP", "BorderMSP", "ChildProtectionMSP");
        assertThat(connection.peer("BorderMSP").usesTls()).isTrue();
        assertThat(java.nio.file.Path.of(connection.peer("BorderMSP").tlsCaCertificate())).exists();
        assertThat(connection.userMsp("BorderMSP", "guard").resolve("signcerts/cert.pem")).exists();
    }

    @Test
    @Order(1)
    void aPlainGatewayClientEvaluatesTheChaincode() throws Exception {
        final Contract alerts = analystGateway.getNetwork(fabric.channel()).getContract(fabric.chaincode(), "alert");
        final byte[] result = alerts.evaluateTransaction("ListOpenAlerts");
        assertThat(CanonicalJson.parseList(new String(result, StandardCharsets.UTF_8), Alert.class)).isNotNull();
    }

    /** Runs a submit and prints how long endorsement, ordering and commit took: the border post's wait. */
    private static <T> T timed(final String what, final java.util.function.Supplier<T> submit) {
        final long start = System.nanoTime();
        final T result = submit.get();
        System.out.printf("  %-32s committed in %4d ms%n", what, (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    @Test
    @Order(2)
    void aMinorCrossesWithTwoOfThreeGuardiansApproving() {
        final Subject subject = timed("RegisterSubject (officer)", () -> officer.subjects().register(
                new RegisterSubjectCommand(subjectId, sha256(subjectId), CommitmentScheme.FP_V1,
                        ProtectionClass.MINOR, guardians, 2, YearMonth.now(ZoneOffset.UTC).plusYears(5))));
        assertThat(subject.status()).isEqualTo(SubjectStatus.ACTIVE);
        // Reads go through the submitter's own peer: a submit returns once that peer committed; others may lag.
        assertThat(officer.subjects().read(subjectId).guardianRefs()).containsExactlyInAnyOrderElementsOf(guardians);

        final CrossingRequest opened = timed("OpenCrossingRequest (guard)", () -> guard.crossings().openRequest(
                new OpenCrossingRequestCommand(subjectId, POST, Direction.EXIT, null, null)));
        requestId = opened.requestId();
        assertThat(opened.status()).isEqualTo(RequestStatus.PENDING);
        assertThat(opened.approvalQuorum()).isEqualTo(2);

        final CrossingRequest afterFirst = timed("RecordGuardianDecision (notifier)", () -> notifier.crossings()
                .recordDecision(new RecordGuardianDecisionCommand(
                        requestId, guardians.get(0), Decision.APPROVE, sha256("sms-1-" + requestId))));
        assertThat(afterFirst.status()).isEqualTo(RequestStatus.PENDING);
        final CrossingRequest afterSecond = timed("RecordGuardianDecision (notifier)", () -> notifier.crossings()
                .recordDecision(new RecordGuardianDecisionCommand(
                        requestId, guardians.get(2), Decision.APPROVE, sha256("sms-3-" + requestId))));
        assertThat(afterSecond.status()).isEqualTo(RequestStatus.APPROVED);

        final Crossing crossing = timed("RecordCrossing (guard)", () -> guard.crossings().recordCrossing(
                new RecordCrossingCommand(subjectId, POST, Direction.EXIT, Outcome.ALLOWED, null,
                        LegalBasis.approval(requestId))));
        crossingId = crossing.crossingId();
        assertThat(crossing.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(crossing.basis().type()).isEqualTo(BasisType.APPROVAL);
        assertThat(guard.crossings().readRequest(requestId).crossingId()).isEqualTo(crossingId);
        assertThat(guard.crossings().listCrossings(subjectId)).extracting(Crossing::crossingId).contains(crossingId);
    }

    @Test
    @Order(3)
    void theSameApprovalCannotBeUsedTwice() {
        assertThat(crossingId).as("the crossing scenario ran").isNotNull();
        assertThatThrownBy(() -> guard.crossings().recordCrossing(new RecordCrossingCommand(
                subjectId, POST, Direction.EXIT, Outcome.ALLOWED, null, LegalBasis.approval(requestId))))
                .isInstanceOf(ChaincodeRefusedException.class);
    }

    @Test
    @Order(4)
    void aGuardMayNotRegisterSubjects() {
        final String other = "subj_" + random();
        assertThatThrownBy(() -> guard.subjects().register(new RegisterSubjectCommand(other, sha256(other),
                CommitmentScheme.FP_V1, ProtectionClass.MINOR, List.of("grd_" + random()), 1,
                YearMonth.now(ZoneOffset.UTC).plusYears(5))))
                .isInstanceOfSatisfying(ChaincodeRefusedException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(ErrorCode.ACCESS_DENIED);
                    assertThat(refused.getMessage()).startsWith("ACCESS_DENIED");
                });
    }

    @Test
    @Order(5)
    void aRefusalReachesAPlainGatewayClientAsAMessageStartingWithItsCode() {
        final Gateway guardGateway = fabric.gateway("BorderMSP", "guard");
        final Contract subjects = guardGateway.getNetwork(fabric.channel()).getContract(fabric.chaincode(), "subject");
        final String other = "subj_" + random();
        final String command = CanonicalJson.toJson(new RegisterSubjectCommand(other, sha256(other),
                CommitmentScheme.FP_V1, ProtectionClass.SURVIVOR, List.of("grd_" + random()), 1, null));
        assertThatThrownBy(() -> subjects.submitTransaction("RegisterSubject", command))
                .isInstanceOfSatisfying(EndorseException.class, e -> assertThat(e.getDetails())
                        .anySatisfy(detail -> assertThat(detail.getMessage()).contains("ACCESS_DENIED")));
    }

    @Test
    @Order(7)
    void twoDecisionsEndorsedAgainstTheSameStateConflictAtCommit() throws Exception {
        final String subject = "subj_" + random();
        final List<String> refs = List.of("grd_" + random(), "grd_" + random(), "grd_" + random());
        officer.subjects().register(new RegisterSubjectCommand(subject, sha256(subject), CommitmentScheme.FP_V1,
                ProtectionClass.MINOR, refs, 2, YearMonth.now(ZoneOffset.UTC).plusYears(5)));
        final String request = guard.crossings().openRequest(
                new OpenCrossingRequestCommand(subject, POST, Direction.ENTRY, null, null)).requestId();
        final Contract crossings = fabric.gateway("ChildProtectionMSP", "notifier")
                .getNetwork(fabric.channel()).getContract(fabric.chaincode(), "crossing");
        // Both decisions are endorsed against the same version of the request before either is ordered.
        final Transaction first = crossings.newProposal("RecordGuardianDecision").addArguments(CanonicalJson.toJson(
                new RecordGuardianDecisionCommand(request, refs.get(0), Decision.APPROVE, sha256("a" + request))))
                .build().endorse();
        final Transaction second = crossings.newProposal("RecordGuardianDecision").addArguments(CanonicalJson.toJson(
                new RecordGuardianDecisionCommand(request, refs.get(1), Decision.APPROVE, sha256("b" + request))))
                .build().endorse();
        final SubmittedTransaction firstSubmitted = first.submitAsync();
        final SubmittedTransaction secondSubmitted = second.submitAsync();
        // Whichever is ordered first is valid; the other read a version that is gone (BFT may order either first).
        final TxValidationCode firstCode = firstSubmitted.getStatus().getCode();
        final TxValidationCode secondCode = secondSubmitted.getStatus().getCode();
        assertThat(List.of(firstCode, secondCode)).containsExactlyInAnyOrder(
                TxValidationCode.VALID, TxValidationCode.MVCC_READ_CONFLICT);
        // Re-submitting the lost decision through the typed client re-reads the request and completes the quorum.
        final String lostGuardian = firstCode == TxValidationCode.VALID ? refs.get(1) : refs.get(0);
        final CrossingRequest after = notifier.crossings().recordDecision(new RecordGuardianDecisionCommand(
                request, lostGuardian, Decision.APPROVE, sha256("c" + request)));
        assertThat(after.status()).isEqualTo(RequestStatus.APPROVED);
    }

    @Test
    @Order(8)
    void theScenarioIsInTheChaincodeEventsFromBlockZero() throws Exception {
        assertThat(crossingId).as("the crossing scenario ran").isNotNull();
        final List<ReceivedEvent> mine = new ArrayList<>();
        final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
        try (EventStream events = notifier.events().strict().fromBlock(0)) {
            watchdog.schedule(events::close, 60, TimeUnit.SECONDS);
            while (events.hasNext()) {
                final ReceivedEvent event = events.next();
                if (subjectId.equals(event.event().subjectId())) {
                    mine.add(event);
                }
                if (crossingId.equals(event.transactionId())) {
                    break;
                }
            }
        } finally {
            watchdog.shutdownNow();
        }
        assertThat(mine).extracting(ReceivedEvent::type).containsExactly(
                EventType.SUBJECT_REGISTERED, EventType.CROSSING_REQUESTED, EventType.GUARDIAN_DECISION_RECORDED,
                EventType.GUARDIAN_DECISION_RECORDED, EventType.CROSSING_RECORDED);
        assertThat(mine.get(1).transactionId()).isEqualTo(requestId);
        assertThat(mine.get(4).event().crossing().basis().type()).isEqualTo(BasisType.APPROVAL);
        assertThat(mine).extracting(ReceivedEvent::blockNumber).isSorted().allSatisfy(n -> assertThat(n).isPositive());
    }

    private static String random() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String sha256(final String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
