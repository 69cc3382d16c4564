package org.safepassage.network.fabric;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.InMemoryCheckpointer;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.safepassage.chaincode.client.ChaincodeRefusedException;
import org.safepassage.chaincode.client.EventStream;
import org.safepassage.chaincode.client.LedgerEvents;
import org.safepassage.chaincode.client.ReceivedEvent;
import org.safepassage.chaincode.client.SafePassageChaincode;
import org.safepassage.chaincode.model.AuthoriseTripCommand;
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.Decision;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.EraseSubjectCommand;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.chaincode.model.GuardianApproval;
import org.safepassage.chaincode.model.LegalBasis;
import org.safepassage.chaincode.model.OpenCrossingRequestCommand;
import org.safepassage.chaincode.model.Outcome;
import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.chaincode.model.RecordCrossingCommand;
import org.safepassage.chaincode.model.RecordGuardianDecisionCommand;
import org.safepassage.chaincode.model.RecordScanCommand;
import org.safepassage.chaincode.model.RegisterSubjectCommand;

/**
 * The differential test's script: every step a user of the system takes, run on one ledger, each observation written
 * as one normalised line. Run it on two ledgers and compare the lines.
 */
final class DifferentialScenario {
    private static final String POST = "MD-LEUSENI";

    private final LedgerUnderTest ledger;
    private final String minor;
    private final String other;
    private final List<String> minorGuardians;
    private final List<String> otherGuardians;
    private final YearMonth consentUntil = YearMonth.now(ZoneOffset.UTC).plusYears(5);
    private final Transcripts.Normaliser normaliser = new Transcripts.Normaliser();
    private final List<String> transcript = new ArrayList<>();

    DifferentialScenario(final LedgerUnderTest ledger, final String run) {
        this.ledger = ledger;
        this.minor = "subj_diff_" + run + "_a";
        this.other = "subj_diff_" + run + "_b";
        this.minorGuardians = List.of("grd_diff_" + run + "_a0", "grd_diff_" + run + "_a1", "grd_diff_" + run + "_a2");
        this.otherGuardians = List.of("grd_diff_" + run + "_b0", "grd_diff_" + run + "_b1");
    }

    List<String> run() throws Exception {
        final SafePassageChaincode officer = ledger.client("RegistryMSP", "officer");
        final SafePassageChaincode dpo = ledger.client("RegistryMSP", "dpo");
        final SafePassageChaincode guard = ledger.client("BorderMSP", "guard");
        final SafePassageChaincode notifier = ledger.client("ChildProtectionMSP", "notifier");
        ledger.awaitReady(ledger.gateway("ChildProtectionMSP", "analyst"), "alert:ListOpenAlerts");
        // Every record is created under the chaincode-level policy, which names all three organisations: each
        // organisation's gateway must have learnt the other two peers.
        for (ReadinessProbe probe : ReadinessProbe.EVERY_ORGANISATION) {
            ledger.awaitReady(ledger.gateway(probe.mspId(), probe.user()), probe.transaction(), probe.arguments());
        }

        // Registrations and a pre-authorised trip.
        observe("register a minor, 3 guardians, 2 must approve", () -> officer.subjects().register(
                new RegisterSubjectCommand(minor, sha256(minor), CommitmentScheme.FP_V1, ProtectionClass.MINOR,
                        minorGuardians, 2, consentUntil)));
        observe("register a second minor, 2 guardians, 1 must approve", () -> officer.subjects().register(
                new RegisterSubjectCommand(other, sha256(other), CommitmentScheme.FP_V1, ProtectionClass.MINOR,
                        otherGuardians, 1, consentUntil)));
        final Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        observe("authorise a trip for the second minor", () -> notifier.trips().authorise(new AuthoriseTripCommand(
                other, today, today.plus(Duration.ofDays(7)), List.of(POST), List.of("RO"), Direction.EXIT, null,
                List.of(new GuardianApproval(otherGuardians.get(0), sha256("trip-" + other))))));
        observe("list the second minor's trips (guard)", () -> guard.trips().list(other));

        // A scan, a request, two of three guardians approve, and the crossing.
        observe("scan the minor at the post", () -> guard.crossings().recordScan(new RecordScanCommand(minor, POST)));
        final String request = requestId(observe("open a crossing request", () -> guard.crossings().openRequest(
                new OpenCrossingRequestCommand(minor, POST, Direction.EXIT, null, null))));
        observe("first guardian approves", () -> notifier.crossings().recordDecision(new RecordGuardianDecisionCommand(
                request, minorGuardians.get(0), Decision.APPROVE, sha256("sms-a0-" + minor))));
        observe("third guardian approves", () -> notifier.crossings().recordDecision(new RecordGuardianDecisionCommand(
                request, minorGuardians.get(2), Decision.APPROVE, sha256("sms-a2-" + minor))));
        final String crossing = CanonicalJson.toJson(new RecordCrossingCommand(
                minor, POST, Direction.EXIT, Outcome.ALLOWED, null, LegalBasis.approval(request)));
        observe("the crossing endorsed by BorderMSP alone", () -> submitEndorsedBy(
                ledger.contract("BorderMSP", "guard", "crossing"), "RecordCrossing", crossing, "BorderMSP"));
        observe("the crossing endorsed as the policy needs", () -> guard.crossings().recordCrossing(
                CanonicalJson.parse(crossing, RecordCrossingCommand.class)));
        observe("the same approval used twice", () -> guard.crossings().recordCrossing(
                CanonicalJson.parse(crossing, RecordCrossingCommand.class)));

        // A refusal.
        final String refused = requestId(observe("open a request for the second minor", () -> guard.crossings()
                .openRequest(new OpenCrossingRequestCommand(other, POST, Direction.ENTRY, null, null))));
        observe("a guardian refuses", () -> notifier.crossings().recordDecision(new RecordGuardianDecisionCommand(
                refused, otherGuardians.get(1), Decision.REFUSE, sha256("sms-b1-" + other))));
        observe("a crossing on the refused request", () -> guard.crossings().recordCrossing(new RecordCrossingCommand(
                other, POST, Direction.ENTRY, Outcome.ALLOWED, null, LegalBasis.approval(refused))));

        // One open request per subject: the refusal left the request pending (1 of 2 must approve), so a second one
        // is refused, naming it, until the post cancels it.
        observe("a second request for the second minor while one is open", () -> guard.crossings().openRequest(
                new OpenCrossingRequestCommand(other, POST, Direction.EXIT, null, null)));
        observe("the post cancels the second minor's open request", () -> guard.crossings().cancelRequest(refused));

        // Writes endorsed by too few organisations under a key-level policy (state-based endorsement): an existing
        // record's validation parameter, not the chaincode-level policy, decides who must endorse its update. The
        // decision leaves the request pending: one that ends it also deletes the subject's open-request marker, which
        // carries no key-level parameter and so needs the chaincode-level policy (docs/chaincode.md).
        final String keyed = requestId(observe("open a request for the second minor to decide under its key policy",
                () -> guard.crossings().openRequest(new OpenCrossingRequestCommand(other, POST, Direction.EXIT, null,
                        null))));
        final String keyedDecision = CanonicalJson.toJson(new RecordGuardianDecisionCommand(
                keyed, otherGuardians.get(0), Decision.REFUSE, sha256("sms-b0-" + other)));
        final Contract notifierCrossings = ledger.contract("ChildProtectionMSP", "notifier", "crossing");
        observe("a decision endorsed by ChildProtectionMSP alone (the request's key policy wants BorderMSP too)",
                () -> submitEndorsedBy(notifierCrossings, "RecordGuardianDecision", keyedDecision,
                        "ChildProtectionMSP"));
        observe("a decision endorsed by BorderMSP and ChildProtectionMSP, without the RegistryMSP the chaincode-level"
                + " policy names", () -> submitEndorsedBy(notifierCrossings, "RecordGuardianDecision", keyedDecision,
                        "BorderMSP", "ChildProtectionMSP"));
        observe("read the request decided under its key policy", () -> guard.crossings().readRequest(keyed));
        final Contract officerSubjects = ledger.contract("RegistryMSP", "officer", "subject");
        observe("a missing flag endorsed by RegistryMSP alone (the subject's key policy wants ChildProtectionMSP too)",
                () -> submitEndorsedBy(officerSubjects, "FlagMissing", other, "RegistryMSP"));
        observe("a registration endorsed by RegistryMSP and ChildProtectionMSP (a creation: the chaincode-level policy"
                + " wants BorderMSP too)", () -> submitEndorsedBy(officerSubjects, "RegisterSubject",
                        CanonicalJson.toJson(new RegisterSubjectCommand(other + "_y", sha256(other + "_y"),
                                CommitmentScheme.FP_V1, ProtectionClass.MINOR, otherGuardians, 1, consentUntil)),
                        "RegistryMSP", "ChildProtectionMSP"));
        observe("read the second minor, still active and unchanged", () -> officer.subjects().read(other));

        // An MVCC conflict: two decisions endorsed against the same version of one request.
        final String contested = requestId(observe("open a request to contest", () -> guard.crossings().openRequest(
                new OpenCrossingRequestCommand(minor, POST, Direction.ENTRY, null, null))));
        final Contract decisions = ledger.contract("ChildProtectionMSP", "notifier", "crossing");
        final Transaction first = decisions.newProposal("RecordGuardianDecision").addArguments(CanonicalJson.toJson(
                new RecordGuardianDecisionCommand(contested, minorGuardians.get(0), Decision.APPROVE,
                        sha256("c0-" + minor)))).build().endorse();
        final Transaction second = decisions.newProposal("RecordGuardianDecision").addArguments(CanonicalJson.toJson(
                new RecordGuardianDecisionCommand(contested, minorGuardians.get(1), Decision.APPROVE,
                        sha256("c1-" + minor)))).build().endorse();
        final SubmittedTransaction firstSubmitted = first.submitAsync();
        final SubmittedTransaction secondSubmitted = second.submitAsync();
        observe("two decisions endorsed against one version: validation codes, in order of submission",
                () -> firstSubmitted.getStatus().getCode() + ", " + secondSubmitted.getStatus().getCode());

        // Refused callers, on submit and on evaluate.
        observe("a guard registers a subject", () -> ledger.contract("BorderMSP", "guard", "subject")
                .submitTransaction("RegisterSubject", CanonicalJson.toJson(new RegisterSubjectCommand(
                        minor + "_x", sha256(minor + "_x"), CommitmentScheme.FP_V1, ProtectionClass.MINOR,
                        minorGuardians, 1, consentUntil))));
        observe("a guard lists open alerts", () -> ledger.contract("BorderMSP", "guard", "alert")
                .evaluateTransaction("ListOpenAlerts"));

        // Erasure.
        observe("the DPO erases the minor", () -> dpo.subjects().erase(new EraseSubjectCommand(minor, "dsr-" + minor)));
        observe("read the erased minor", () -> officer.subjects().read(minor));
        observe("read the tombstone", () -> officer.subjects().readTombstone(minor));

        // Events: from the start to a checkpoint, then resumed from it.
        final Set<String> ours = Set.of(minor, other);
        final InMemoryCheckpointer checkpointer = new InMemoryCheckpointer();
        final LedgerEvents events = notifier.events().strict();
        final List<ReceivedEvent> before = read(events.resume(checkpointer, 0), ours,
                e -> e.event().type() == EventType.CROSSING_RECORDED);
        final List<ReceivedEvent> after = read(events.resume(checkpointer), ours,
                e -> e.event().type() == EventType.SUBJECT_ERASED);
        transcript.add(normaliser.normalise("events up to the checkpoint: " + describe(before)));
        transcript.add(normaliser.normalise("events resumed from the checkpoint: " + describe(after)));
        return transcript;
    }

    /** Reads our subjects' events, checkpointing every event, up to and including the first that matches {@code last}. */
    private static List<ReceivedEvent> read(final EventStream stream, final Set<String> subjects,
            final Predicate<ReceivedEvent> last) {
        final List<ReceivedEvent> mine = new ArrayList<>();
        final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
        try (stream) {
            watchdog.schedule(stream::close, 60, TimeUnit.SECONDS);
            while (stream.hasNext()) {
                final ReceivedEvent event = stream.next();
                stream.checkpoint(event);
                if (subjects.contains(event.event().subjectId())) {
                    mine.add(event);
                    if (last.test(event)) {
                        break;
                    }
                }
            }
        } finally {
            watchdog.shutdownNow();
        }
        return mine;
    }

    private static String describe(final List<ReceivedEvent> events) {
        return events.size() + " " + events.stream()
                .map(e -> e.event().type().eventName() + " tx=" + e.transactionId() + " "
                        + CanonicalJson.toJson(e.event()))
                .collect(Collectors.joining("\n      ", "[\n      ", "]"));
    }

    private static String submitEndorsedBy(final Contract contract, final String transaction, final String argument,
            final String... organisations) throws Exception {
        final SubmittedTransaction submitted = contract.newProposal(transaction).addArguments(argument)
                .setEndorsingOrganizations(organisations).build().endorse().submitAsync();
        return "validation code " + submitted.getStatus().getCode();
    }

    /** A request's id, or a placeholder when opening it failed (the failure is in the transcript already). */
    private static String requestId(final Object opened) {
        return opened instanceof CrossingRequest request ? request.requestId() : "req_not_opened";
    }

    /** Runs one step and writes what it answered; returns its result, or null when it failed. */
    private Object observe(final String step, final Callable<?> action) {
        String outcome;
        Object result = null;
        try {
            result = action.call();
            outcome = "ok " + (result instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                    : result instanceof String text ? text : CanonicalJson.toJson(result));
        } catch (Exception e) {
            outcome = failure(e);
        }
        transcript.add(normaliser.normalise(step + " -> " + outcome));
        return result;
    }

    /** What a caller can see of a failure: its kind, error code, gRPC status, error details and validation code. */
    private static String failure(final Throwable thrown) {
        final StringBuilder text = new StringBuilder("failed:");
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ChaincodeRefusedException refused) {
                text.append(" refused ").append(refused.getCode());
            }
            if (t instanceof CommitException commit) {
                text.append(" validation ").append(commit.getCode());
            }
            if (t instanceof GatewayException gateway) {
                text.append(" grpc ").append(gateway.getStatus().getCode()).append(" details [")
                        .append(gateway.getDetails().stream()
                                .map(detail -> detail.getMspId() + ": " + detailMessage(detail))
                                .sorted().collect(Collectors.joining("; ")))
                        .append(']');
                break;
            }
        }
        return text.toString();
    }

    /** The endorser's message, without the address of the peer, which differs by design. */
    private static String detailMessage(final ErrorDetail detail) {
        return detail.getMessage();
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
