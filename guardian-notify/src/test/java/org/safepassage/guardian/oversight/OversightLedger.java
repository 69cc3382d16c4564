package org.safepassage.guardian.oversight;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.safepassage.chaincode.client.LedgerConnection;
import org.safepassage.chaincode.client.LedgerGateway;
import org.safepassage.chaincode.model.Alert;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.Crossing;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.Decision;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.EraseSubjectCommand;
import org.safepassage.chaincode.model.LegalBasis;
import org.safepassage.chaincode.model.OpenCrossingRequestCommand;
import org.safepassage.chaincode.model.Outcome;
import org.safepassage.chaincode.model.OverrideReason;
import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.chaincode.model.RecordCrossingCommand;
import org.safepassage.chaincode.model.RecordGuardianDecisionCommand;
import org.safepassage.chaincode.model.RedFlagCommand;
import org.safepassage.chaincode.model.RedFlagEvidence;
import org.safepassage.chaincode.model.RedFlagRule;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.guardian.crossing.CrossingTestEnvironment;

/** Writes a subject's story on the test ledger with the dev identities of each organisation. */
public final class OversightLedger {
    public static final String POST = "MD-LEUSENI";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static LedgerGateway officer;
    private static LedgerGateway dpo;
    private static LedgerGateway guard;
    private static LedgerGateway supervisor;
    private static LedgerGateway notifier;
    private static LedgerGateway analytics;

    private OversightLedger() {
    }

    private static synchronized void connect() {
        if (officer == null) {
            try {
                final LedgerConnection c = LedgerConnection.read(CrossingTestEnvironment.ledgerConnection());
                officer = LedgerGateway.connect(c, "RegistryMSP", "officer");
                dpo = LedgerGateway.connect(c, "RegistryMSP", "dpo");
                guard = LedgerGateway.connect(c, "BorderMSP", "guard");
                supervisor = LedgerGateway.connect(c, "BorderMSP", "supervisor");
                notifier = LedgerGateway.connect(c, "ChildProtectionMSP", "notifier");
                analytics = LedgerGateway.connect(c, "ChildProtectionMSP", "analytics");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A registered minor with one guardian whose approval suffices; returns the subject id and guardian ref. */
    public static String[] minor() {
        connect();
        final String guardian = "guardian-" + UUID.randomUUID().toString().replace("-", "");
        final byte[] commitment = new byte[32];
        RANDOM.nextBytes(commitment);
        final String subjectId = "subject-" + UUID.randomUUID().toString().replace("-", "");
        officer.chaincode().subjects().register(new RegisterSubjectCommand(subjectId,
                HexFormat.of().formatHex(commitment), CommitmentScheme.FP_V1, ProtectionClass.MINOR,
                List.of(guardian), 1, YearMonth.now().plusYears(10)));
        return new String[] {subjectId, guardian};
    }

    public static CrossingRequest open(final String subjectId) {
        connect();
        return guard.chaincode().crossings().openRequest(
                new OpenCrossingRequestCommand(subjectId, POST, Direction.EXIT, null, 900));
    }

    /** The open alert the ledger raised about a request. */
    public static Alert openAlertFor(final String requestId) {
        connect();
        return notifier.chaincode().alerts().listOpen().stream().filter(a -> requestId.equals(a.requestId()))
                .findFirst().orElseThrow(() -> new AssertionError("no open alert for request " + requestId));
    }

    public static Alert readAlert(final String alertId) {
        connect();
        return notifier.chaincode().alerts().read(alertId);
    }

    public static CrossingRequest refuse(final String requestId, final String guardianRef) {
        connect();
        final byte[] evidence = new byte[32];
        RANDOM.nextBytes(evidence);
        return notifier.chaincode().crossings().recordDecision(new RecordGuardianDecisionCommand(requestId,
                guardianRef, Decision.REFUSE, HexFormat.of().formatHex(evidence)));
    }

    public static Crossing override(final String subjectId) {
        connect();
        return supervisor.chaincode().crossings().recordCrossing(new RecordCrossingCommand(subjectId, POST,
                Direction.EXIT, Outcome.ALLOWED, null, LegalBasis.override(OverrideReason.MEDICAL_EMERGENCY)));
    }

    public static void erase(final String subjectId) {
        connect();
        dpo.chaincode().subjects().erase(new EraseSubjectCommand(subjectId,
                "erasure-" + UUID.randomUUID().toString().replace("-", "")));
    }

    /** A red flag as the analytics raise it: two children's requests, one companion. */
    public static Alert redFlag(final CrossingRequest first, final CrossingRequest second) {
        connect();
        return analytics.chaincode().alerts().raiseRedFlag(new RedFlagCommand(RedFlagRule.COMPANION_MANY_CHILDREN,
                second.subjectId(), second.post(), List.of(
                        new RedFlagEvidence(first.requestId(), first.subjectId(), EventType.CROSSING_REQUESTED),
                        new RedFlagEvidence(second.requestId(), second.subjectId(), EventType.CROSSING_REQUESTED))));
    }

    public static void await(final String what, final BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }
}
