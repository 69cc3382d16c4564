package org.safepassage.chaincode.contract.subject;

import java.time.Instant;
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
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.chaincode.model.CommitmentEntry;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.ModalityCommitment;
import org.safepassage.chaincode.model.EraseSubjectCommand;
import org.safepassage.chaincode.model.ErasureTombstone;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.Identifiers;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.chaincode.model.LedgerEvent;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.chaincode.model.RenewCommitmentCommand;
import org.safepassage.chaincode.model.ReplaceGuardiansCommand;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.chaincode.model.SubjectStatus;

/** The registry's transactions on subjects, and the lookups every organisation needs. */
@Contract(name = "subject", info = @Info(title = "SafePassage subjects", version = "0.1.0"))
public final class SubjectContract implements ContractInterface {

    /** Records the person the calling service acts for, when it names one ({@link Attribution}). */
    @Override
    public void beforeTransaction(final Context ctx) {
        Attribution.record(ctx);
    }

    /** Registers a new subject; its commitment must never have been registered before, to anyone. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RegisterSubject(final Context ctx, final String commandJson) {
        Caller.require(ctx, Access.ENROLL);
        final RegisterSubjectCommand command = Refusal.parse(commandJson, RegisterSubjectCommand.class);
        final Ledger ledger = Ledger.of(ctx);
        if (ledger.findSubject(command.subjectId()).isPresent()) {
            throw Refusal.of(ErrorCode.SUBJECT_ALREADY_EXISTS, "subject " + command.subjectId() + " exists");
        }
        final Subject subject = command.toSubject(ledger.now());
        // Every commitment of every modality is unique for good, and each identifies the subject.
        for (final ModalityCommitment each : subject.allCommitments()) {
            requireUnused(ledger, each.scheme(), each.commitment());
        }
        ledger.put(subject);
        for (final ModalityCommitment each : subject.allCommitments()) {
            ledger.putCommitment(each.scheme(), each.commitment(),
                    new CommitmentEntry(subject.subjectId(), CommitmentEntry.Status.ACTIVE));
        }
        return changed(ledger, EventType.SUBJECT_REGISTERED, subject);
    }

    /** Replaces the subject's guardians and quorum, for instance after a court order or a guardian's death. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String ReplaceGuardians(final Context ctx, final String commandJson) {
        Caller.require(ctx, Access.ENROLL);
        final ReplaceGuardiansCommand command = Refusal.parse(commandJson, ReplaceGuardiansCommand.class);
        final Ledger ledger = Ledger.of(ctx);
        final Subject subject = ledger.liveSubject(command.subjectId());
        final Subject updated = Refusal.valid(
                () -> subject.withGuardians(command.guardianRefs(), command.approvalQuorum(), ledger.now()));
        ledger.put(updated);
        return changed(ledger, EventType.GUARDIANS_REPLACED, updated);
    }

    /** Re-enrollment with a new salt: the new commitment replaces the old one, which is revoked for good. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RenewCommitment(final Context ctx, final String commandJson) {
        Caller.require(ctx, Access.ENROLL);
        final RenewCommitmentCommand command = Refusal.parse(commandJson, RenewCommitmentCommand.class);
        final Ledger ledger = Ledger.of(ctx);
        final Subject subject = ledger.liveSubject(command.subjectId());
        requireUnused(ledger, command.scheme(), command.commitment());
        ledger.putCommitment(subject.scheme(), subject.commitment(),
                new CommitmentEntry(subject.subjectId(), CommitmentEntry.Status.REVOKED));
        ledger.putCommitment(command.scheme(), command.commitment(),
                new CommitmentEntry(subject.subjectId(), CommitmentEntry.Status.ACTIVE));
        final Subject renewed = subject.withCommitment(command.commitment(), command.scheme(), ledger.now());
        ledger.put(renewed);
        return changed(ledger, EventType.COMMITMENT_RENEWED, renewed);
    }

    /** Flags the subject missing: every later scan raises an alert and no crossing can be allowed. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String FlagMissing(final Context ctx, final String subjectId) {
        Caller.require(ctx, Access.FLAG_MISSING);
        final Ledger ledger = Ledger.of(ctx);
        final Subject subject = ledger.liveSubject(Refusal.opaqueId("subjectId", subjectId));
        if (subject.status() == SubjectStatus.FLAGGED_MISSING) {
            throw Refusal.of(ErrorCode.SUBJECT_ALREADY_FLAGGED, "subject " + subjectId + " is already flagged missing");
        }
        final Subject flagged = subject.withStatus(SubjectStatus.FLAGGED_MISSING, ledger.now());
        ledger.put(flagged);
        return changed(ledger, EventType.SUBJECT_FLAGGED_MISSING, flagged);
    }

    /** Clears the missing flag once the child is found. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String UnflagMissing(final Context ctx, final String subjectId) {
        Caller.require(ctx, Access.FLAG_MISSING);
        final Ledger ledger = Ledger.of(ctx);
        final Subject subject = ledger.liveSubject(Refusal.opaqueId("subjectId", subjectId));
        if (subject.status() != SubjectStatus.FLAGGED_MISSING) {
            throw Refusal.of(ErrorCode.SUBJECT_NOT_FLAGGED, "subject " + subjectId + " is not flagged missing");
        }
        final Subject found = subject.withStatus(SubjectStatus.ACTIVE, ledger.now());
        ledger.put(found);
        return changed(ledger, EventType.SUBJECT_UNFLAGGED, found);
    }

    /**
     * Erases the subject on a verified request: the subject keeps only its id and dates, its commitment is retired (so
     * it can never be registered again) and a tombstone records the erasure for the certificate.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String EraseSubject(final Context ctx, final String commandJson) {
        Caller.require(ctx, Access.ERASE);
        final EraseSubjectCommand command = Refusal.parse(commandJson, EraseSubjectCommand.class);
        final Ledger ledger = Ledger.of(ctx);
        final Subject subject = ledger.liveSubject(command.subjectId());
        final Instant now = ledger.now();
        for (final ModalityCommitment each : subject.allCommitments()) {
            ledger.putCommitment(each.scheme(), each.commitment(),
                    new CommitmentEntry(subject.subjectId(), CommitmentEntry.Status.ERASED));
        }
        ledger.put(subject.erased(now));
        final ErasureTombstone tombstone =
                new ErasureTombstone(subject.subjectId(), command.requestRef(), ledger.txId(), now);
        ledger.put(tombstone);
        ledger.emit(LedgerEvent.of(tombstone));
        return CanonicalJson.toJson(tombstone);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ReadSubject(final Context ctx, final String subjectId) {
        Caller.require(ctx, Access.READ_SUBJECT);
        return CanonicalJson.toJson(Ledger.of(ctx).subject(Refusal.opaqueId("subjectId", subjectId)));
    }

    /**
     * The live subject a commitment identifies. A revoked commitment identifies nobody; an erased subject's is refused
     * as SUBJECT_ERASED, so a border post knows to raise an alert.
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String FindSubjectByCommitment(final Context ctx, final String schemeId, final String commitment) {
        Caller.require(ctx, Access.FIND_BY_COMMITMENT);
        final CommitmentScheme scheme = Refusal.valid(() -> CommitmentScheme.fromId(schemeId));
        Refusal.valid(() -> Identifiers.requireSha256Hex("commitment", commitment));
        final Ledger ledger = Ledger.of(ctx);
        final CommitmentEntry entry = ledger.findCommitment(scheme, commitment)
                .filter(e -> e.status() != CommitmentEntry.Status.REVOKED)
                .orElseThrow(() -> Refusal.of(ErrorCode.SUBJECT_NOT_FOUND, "no subject has this commitment"));
        return CanonicalJson.toJson(ledger.liveSubject(entry.subjectId()));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ReadTombstone(final Context ctx, final String subjectId) {
        Caller.require(ctx, Access.READ_SUBJECT);
        final String id = Refusal.opaqueId("subjectId", subjectId);
        return CanonicalJson.toJson(Ledger.of(ctx).findTombstone(id)
                .orElseThrow(() -> Refusal.of(ErrorCode.SUBJECT_NOT_FOUND, "no erasure of subject " + id)));
    }

    /** Commitments are never reused: not while active, not after renewal, not after erasure. */
    private static void requireUnused(final Ledger ledger, final CommitmentScheme scheme, final String commitment) {
        if (ledger.findCommitment(scheme, commitment).isPresent()) {
            throw Refusal.of(ErrorCode.COMMITMENT_ALREADY_REGISTERED, "this commitment is or was registered");
        }
    }

    private static String changed(final Ledger ledger, final EventType type, final Subject subject) {
        ledger.emit(LedgerEvent.of(type, subject));
        return CanonicalJson.toJson(subject);
    }
}
