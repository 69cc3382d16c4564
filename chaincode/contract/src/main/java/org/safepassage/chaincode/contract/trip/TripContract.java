package org.safepassage.chaincode.contract.trip;

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
import org.safepassage.chaincode.model.AuthoriseTripCommand;
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.chaincode.model.GuardianApproval;
import org.safepassage.chaincode.model.LedgerEvent;
import org.safepassage.chaincode.model.PreAuthorisedTrip;
import org.safepassage.chaincode.model.RevokeTripCommand;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.chaincode.model.TripRevocation;
import org.safepassage.chaincode.model.TripStatus;

/** Trips the guardians approved in advance, recorded and revoked by the child-protection notifier. */
@Contract(name = "trip", info = @Info(title = "SafePassage pre-authorised trips", version = "0.1.0"))
public final class TripContract implements ContractInterface {

    /** Records the person the calling service acts for, when it names one ({@link Attribution}). */
    @Override
    public void beforeTransaction(final Context ctx) {
        Attribution.record(ctx);
    }

    /**
     * Records a pre-authorised trip. It needs as many distinct linked guardians' approvals as a crossing request
     * would, so a trip is never an easier path than asking.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String AuthoriseTrip(final Context ctx, final String commandJson) {
        Caller.require(ctx, Access.GUARDIAN_DECISION);
        final AuthoriseTripCommand command = Refusal.parse(commandJson, AuthoriseTripCommand.class);
        final Ledger ledger = Ledger.of(ctx);
        final Subject subject = ledger.activeSubject(command.subjectId());
        if (!subject.needsGuardianConsent(ledger.month())) {
            throw Refusal.of(ErrorCode.APPROVAL_NOT_REQUIRED, "subject " + subject.subjectId()
                    + " needs no guardian approval");
        }
        if (!command.validUntil().isAfter(ledger.now())) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "validUntil: must be in the future");
        }
        for (final GuardianApproval approval : command.approvals()) {
            requireLinked(subject, approval.guardianRef());
        }
        final long distinct = command.approvals().stream().map(GuardianApproval::guardianRef).distinct().count();
        if (distinct < subject.approvalQuorum()) {
            throw Refusal.of(ErrorCode.QUORUM_NOT_MET, distinct + " of the " + subject.approvalQuorum()
                    + " guardian approvals required");
        }
        final PreAuthorisedTrip trip = command.toTrip(ledger.txId(), ledger.now());
        ledger.put(trip);
        ledger.emit(LedgerEvent.of(EventType.TRIP_AUTHORISED, trip));
        return CanonicalJson.toJson(trip);
    }

    /** Revokes a trip: any one linked guardian may, because withdrawing consent must always be easy. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RevokeTrip(final Context ctx, final String commandJson) {
        Caller.require(ctx, Access.GUARDIAN_DECISION);
        final RevokeTripCommand command = Refusal.parse(commandJson, RevokeTripCommand.class);
        final Ledger ledger = Ledger.of(ctx);
        final Subject subject = ledger.liveSubject(command.subjectId());
        final PreAuthorisedTrip trip = ledger.trip(subject.subjectId(), command.tripId());
        requireLinked(subject, command.guardianRef());
        if (trip.status() == TripStatus.REVOKED) {
            throw Refusal.of(ErrorCode.TRIP_ALREADY_REVOKED, "trip " + trip.tripId() + " is already revoked");
        }
        final PreAuthorisedTrip revoked =
                trip.revoked(new TripRevocation(command.guardianRef(), command.evidenceHash(), ledger.now()));
        ledger.put(revoked);
        ledger.emit(LedgerEvent.of(EventType.TRIP_REVOKED, revoked));
        return CanonicalJson.toJson(revoked);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListTrips(final Context ctx, final String subjectId) {
        Caller.require(ctx, Access.READ_REQUESTS_AND_TRIPS);
        return CanonicalJson.toJson(Ledger.of(ctx).trips(Refusal.opaqueId("subjectId", subjectId)));
    }

    private static void requireLinked(final Subject subject, final String guardianRef) {
        if (!subject.isGuardian(guardianRef)) {
            throw Refusal.of(ErrorCode.GUARDIAN_NOT_LINKED, "guardian " + guardianRef
                    + " is not linked to subject " + subject.subjectId());
        }
    }
}
