package org.safepassage.chaincode.contract.crossing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.safepassage.chaincode.contract.Access;
import org.safepassage.chaincode.contract.Attribution;
import org.safepassage.chaincode.contract.Caller;
import org.safepassage.chaincode.contract.Ledger;
import org.safepassage.chaincode.contract.Refusal;
import org.safepassage.chaincode.model.Alert;
import org.safepassage.chaincode.model.AlertType;
import org.safepassage.chaincode.model.BasisType;
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.chaincode.model.Crossing;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.chaincode.model.GuardianDecision;
import org.safepassage.chaincode.model.LedgerEvent;
import org.safepassage.chaincode.model.OpenCrossingRequestCommand;
import org.safepassage.chaincode.model.OpenRequest;
import org.safepassage.chaincode.model.Outcome;
import org.safepassage.chaincode.model.RecordCrossingCommand;
import org.safepassage.chaincode.model.RecordGuardianDecisionCommand;
import org.safepassage.chaincode.model.RecordScanCommand;
import org.safepassage.chaincode.model.RequestStatus;
import org.safepassage.chaincode.model.Scan;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.chaincode.model.SubjectStatus;

/** Scans, crossing requests, guardians' decisions and crossings. */
@Contract(name = "crossing", info = @Info(title = "SafePassage crossings", version = "0.1.0"))
public final class CrossingContract implements ContractInterface {

    /** Records the person the calling service acts for, when it names one ({@link Attribution}). */
    @Override
    public void beforeTransaction(final Context ctx) {
        Attribution.record(ctx);
    }

    /**
     * A subject was identified at a post. Scanning a subject flagged missing raises an alert; any other scan changes
     * no state and only emits a {@code SubjectScanned} event. Returns the subject, whose status tells the post what to do.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RecordScan(final Context ctx, final String commandJson) {
        final Caller caller = Caller.require(ctx, Access.BORDER_CHECK);
        final RecordScanCommand command = Refusal.parse(commandJson, RecordScanCommand.class);
        caller.checkPost(command.post());
        final Ledger ledger = Ledger.of(ctx);
        final Subject subject = ledger.liveSubject(command.subjectId());
        if (subject.status() == SubjectStatus.FLAGGED_MISSING) {
            final Alert alert =
                    ledger.raise(AlertType.MISSING_CHILD_SCANNED, subject.subjectId(), command.post(), null, null);
            ledger.emit(LedgerEvent.of(EventType.MISSING_SUBJECT_SCANNED, alert));
        } else {
            // written nowhere, but on the event stream: the red-flag rules need to see where a child was presented
            ledger.emit(LedgerEvent.of(new Scan(ledger.txId(), subject.subjectId(), command.post(), caller.name(),
                    ledger.now())));
        }
        return CanonicalJson.toJson(subject);
    }

    /**
     * Asks a protected minor's guardians to approve a crossing; the notifier texts them on the event. A request opened
     * by a scan ({@code recordsScan}) records that scan too: its {@code CrossingRequested} event carries the
     * {@link Scan}, as {@code RecordScan}'s {@code SubjectScanned} would, so the post commits once per scan.
     *
     * <p>One open request per subject: while the subject's marker names a request that is still pending and unexpired,
     * a second is refused as REQUEST_ALREADY_OPEN naming it. Two openers at once both read the marker, so the one
     * committed second is invalidated as MVCC_READ_CONFLICT: the ledger, not any one gateway's memory, serialises them.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String OpenCrossingRequest(final Context ctx, final String commandJson) {
        final Caller caller = Caller.require(ctx, Access.BORDER_CHECK);
        final OpenCrossingRequestCommand command = Refusal.parse(commandJson, OpenCrossingRequestCommand.class);
        caller.checkPost(command.post());
        final Ledger ledger = Ledger.of(ctx);
        final Subject subject = ledger.activeSubject(command.subjectId());
        if (!subject.needsGuardianConsent(ledger.month())) {
            throw Refusal.of(ErrorCode.APPROVAL_NOT_REQUIRED, "subject " + subject.subjectId()
                    + " needs no guardian approval");
        }
        final Optional<CrossingRequest> open =
                ledger.markedOpenRequest(subject.subjectId()).filter(marked -> marked.isOpenAt(ledger.now()));
        if (open.isPresent()) {
            throw Refusal.of(ErrorCode.REQUEST_ALREADY_OPEN,
                    new OpenRequest(subject.subjectId(), open.get().requestId()).explanation());
        }
        final CrossingRequest request = CrossingRequest.open(ledger.txId(), subject, command.post(),
                command.direction(), command.companionRef(), ledger.now(), ledger.now().plus(command.ttl()));
        ledger.put(request);
        ledger.markOpen(request);
        ledger.emit(command.scanned()
                ? LedgerEvent.of(request, new Scan(ledger.txId(), subject.subjectId(), command.post(), caller.name(),
                        ledger.now()))
                : LedgerEvent.of(EventType.CROSSING_REQUESTED, request, List.of()));
        return CanonicalJson.toJson(request);
    }

    /**
     * Records one guardian's answer: only a guardian linked to the subject, once, while the request is pending and
     * unexpired. A refusal that makes the quorum unreachable refuses the request and raises an alert.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RecordGuardianDecision(final Context ctx, final String commandJson) {
        Caller.require(ctx, Access.GUARDIAN_DECISION);
        final RecordGuardianDecisionCommand command =
                Refusal.parse(commandJson, RecordGuardianDecisionCommand.class);
        final Ledger ledger = Ledger.of(ctx);
        final CrossingRequest request = ledger.request(command.requestId());
        requirePending(request);
        if (request.isExpiredAt(ledger.now())) {
            throw Refusal.of(ErrorCode.REQUEST_EXPIRED, "request " + request.requestId() + " expired");
        }
        final Subject subject = ledger.liveSubject(request.subjectId());
        if (!request.guardianRefs().contains(command.guardianRef()) || !subject.isGuardian(command.guardianRef())) {
            throw Refusal.of(ErrorCode.GUARDIAN_NOT_LINKED, "guardian " + command.guardianRef()
                    + " is not linked to subject " + subject.subjectId());
        }
        if (request.hasDecided(command.guardianRef())) {
            throw Refusal.of(ErrorCode.GUARDIAN_ALREADY_DECIDED, "guardian " + command.guardianRef()
                    + " already answered request " + request.requestId());
        }
        final CrossingRequest decided = request.withDecision(new GuardianDecision(
                command.guardianRef(), command.decision(), command.evidenceHash(), ledger.now()));
        ledger.put(decided);
        if (decided.status() != RequestStatus.PENDING) {
            ledger.unmarkOpen(decided); // approved or refused: the guardians have answered
        }
        final List<Alert> alerts = decided.status() == RequestStatus.REFUSED
                ? List.of(ledger.raise(AlertType.REFUSED_CROSSING, decided.subjectId(), decided.post(),
                        decided.requestId(), null))
                : List.of();
        ledger.emit(LedgerEvent.of(EventType.GUARDIAN_DECISION_RECORDED, decided, alerts));
        return CanonicalJson.toJson(decided);
    }

    /** Closes a pending request whose time ran out, and raises an alert: nobody answered for the child. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String ExpireCrossingRequest(final Context ctx, final String requestId) {
        final Caller caller = Caller.require(ctx, Access.EXPIRE_REQUEST);
        final Ledger ledger = Ledger.of(ctx);
        final CrossingRequest request = ledger.request(Refusal.ledgerId("requestId", requestId));
        caller.checkPost(request.post());
        requirePending(request);
        if (!request.isExpiredAt(ledger.now())) {
            throw Refusal.of(ErrorCode.REQUEST_NOT_EXPIRED, "request " + requestId + " expires at "
                    + request.expiresAt());
        }
        final CrossingRequest expired = request.withStatus(RequestStatus.EXPIRED);
        ledger.put(expired);
        ledger.unmarkOpen(expired);
        final Alert alert =
                ledger.raise(AlertType.EXPIRED_REQUEST, expired.subjectId(), expired.post(), requestId, null);
        ledger.emit(LedgerEvent.of(EventType.CROSSING_REQUEST_CLOSED, expired, List.of(alert)));
        return CanonicalJson.toJson(expired);
    }

    /** The post withdraws a request it no longer needs (the child did not travel), pending or approved but unused. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String CancelCrossingRequest(final Context ctx, final String requestId) {
        final Caller caller = Caller.require(ctx, Access.BORDER_CHECK);
        final Ledger ledger = Ledger.of(ctx);
        final CrossingRequest request = ledger.request(Refusal.ledgerId("requestId", requestId));
        caller.checkPost(request.post());
        final boolean open = request.status() == RequestStatus.PENDING
                || request.status() == RequestStatus.APPROVED && request.crossingId() == null;
        if (!open) {
            throw Refusal.of(ErrorCode.REQUEST_NOT_PENDING, "request " + requestId + " is " + request.status()
                    + (request.crossingId() == null ? "" : " and used"));
        }
        final CrossingRequest cancelled = request.withStatus(RequestStatus.CANCELLED);
        ledger.put(cancelled);
        ledger.unmarkOpen(cancelled);
        ledger.emit(LedgerEvent.of(EventType.CROSSING_REQUEST_CLOSED, cancelled, List.of()));
        return CanonicalJson.toJson(cancelled);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ReadCrossingRequest(final Context ctx, final String requestId) {
        final Caller caller = Caller.require(ctx, Access.READ_REQUESTS_AND_TRIPS);
        final CrossingRequest request = Ledger.of(ctx).request(Refusal.ledgerId("requestId", requestId));
        caller.checkPost(request.post());
        return CanonicalJson.toJson(request);
    }

    /**
     * Records what the post did. The ledger, not the post, decides whether an ALLOWED crossing of a protected minor is
     * lawful: see {@link LegalBasisCheck}. An override raises an alert.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RecordCrossing(final Context ctx, final String commandJson) {
        final Caller caller = Caller.require(ctx, Access.BORDER_CHECK);
        final RecordCrossingCommand command = Refusal.parse(commandJson, RecordCrossingCommand.class);
        caller.checkPost(command.post());
        if (command.basis().type() == BasisType.SUPERVISED_OVERRIDE) {
            caller.check(Access.OVERRIDE);
        }
        final Ledger ledger = Ledger.of(ctx);
        final Subject subject = ledger.liveSubject(command.subjectId());
        final String crossingId = ledger.txId();
        final var alerts = new ArrayList<Alert>();
        if (command.outcome() == Outcome.ALLOWED) {
            ledger.activeSubject(subject.subjectId());
            new LegalBasisCheck(ledger, subject, command).requireLawful(crossingId);
            if (command.basis().type() == BasisType.SUPERVISED_OVERRIDE) {
                alerts.add(ledger.raise(AlertType.OVERRIDE, subject.subjectId(), command.post(), null, crossingId));
            }
        } else {
            new LegalBasisCheck(ledger, subject, command).requireBelongsToSubject();
        }
        final Crossing crossing = new Crossing(crossingId, subject.subjectId(), command.post(), command.direction(),
                command.outcome(), command.basis(), command.companionRef(), caller.name(), ledger.now());
        ledger.put(crossing);
        ledger.emit(LedgerEvent.of(crossing, alerts));
        return CanonicalJson.toJson(crossing);
    }

    /** The subject's crossings, oldest first. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListCrossings(final Context ctx, final String subjectId) {
        Caller.require(ctx, Access.READ_CROSSINGS);
        return CanonicalJson.toJson(Ledger.of(ctx).crossings(Refusal.opaqueId("subjectId", subjectId)));
    }

    private static void requirePending(final CrossingRequest request) {
        if (request.status() != RequestStatus.PENDING) {
            throw Refusal.of(ErrorCode.REQUEST_NOT_PENDING, "request " + request.requestId() + " is "
                    + request.status());
        }
    }
}
