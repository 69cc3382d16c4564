package org.safepassage.chaincode.contract.crossing;

import org.safepassage.chaincode.contract.Ledger;
import org.safepassage.chaincode.contract.Refusal;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.LegalBasis;
import org.safepassage.chaincode.model.PreAuthorisedTrip;
import org.safepassage.chaincode.model.RecordCrossingCommand;
import org.safepassage.chaincode.model.RequestStatus;
import org.safepassage.chaincode.model.Subject;

/**
 * Whether the legal basis a post gives for a crossing holds. This is the rule the system exists for: a protected minor
 * is ALLOWED to cross only on a quorum of guardian approvals on an unexpired request for this very crossing, on a
 * valid pre-authorised trip, or on a supervisor's override.
 */
final class LegalBasisCheck {
    private final Ledger ledger;
    private final Subject subject;
    private final RecordCrossingCommand crossing;

    LegalBasisCheck(final Ledger ledger, final Subject subject, final RecordCrossingCommand crossing) {
        this.ledger = ledger;
        this.subject = subject;
        this.crossing = crossing;
    }

    /**
     * Refuses an ALLOWED crossing whose basis does not hold; an approval is marked used by {@code crossingId}, so one
     * approval lets the child cross once.
     */
    void requireLawful(final String crossingId) {
        final LegalBasis basis = crossing.basis();
        switch (basis.type()) {
            case NOT_REQUIRED -> {
                if (subject.needsGuardianConsent(ledger.month())) {
                    throw Refusal.of(ErrorCode.APPROVAL_REQUIRED, "subject " + subject.subjectId()
                            + " is a protected minor: guardian approval, a pre-authorised trip or an override is"
                            + " required");
                }
            }
            case APPROVAL -> ledger.put(approvedRequest(basis.requestId()).usedBy(crossingId));
            case PREAUTHORISED -> {
                final PreAuthorisedTrip trip = ledger.trip(subject.subjectId(), basis.tripId());
                if (!trip.covers(crossing.post(), crossing.direction(), crossing.companionRef(), ledger.now())) {
                    throw Refusal.of(ErrorCode.TRIP_NOT_APPLICABLE, "trip " + trip.tripId()
                            + " does not cover this post, direction, companion and time, or was revoked");
                }
            }
            case SUPERVISED_OVERRIDE -> {
                // Allowed by the caller's supervisor role, checked by the contract; the contract raises the alert.
            }
        }
    }

    /** For a DENIED crossing: any request or trip it cites must be this subject's. */
    void requireBelongsToSubject() {
        final LegalBasis basis = crossing.basis();
        switch (basis.type()) {
            case APPROVAL -> requireSameSubject(ledger.request(basis.requestId()));
            case PREAUTHORISED -> ledger.trip(subject.subjectId(), basis.tripId());
            case SUPERVISED_OVERRIDE -> throw Refusal.of(ErrorCode.INVALID_ARGUMENT,
                    "basis: an override can only allow a crossing, not deny one");
            case NOT_REQUIRED -> {
                // A denial needs no basis.
            }
        }
    }

    private CrossingRequest approvedRequest(final String requestId) {
        final CrossingRequest request = ledger.request(requestId);
        requireSameSubject(request);
        if (!request.post().equals(crossing.post()) || request.direction() != crossing.direction()
                || request.companionRef() != null && !request.companionRef().equals(crossing.companionRef())) {
            throw Refusal.of(ErrorCode.REQUEST_MISMATCH, "request " + requestId
                    + " was for another post, direction or companion");
        }
        if (request.status() != RequestStatus.APPROVED) {
            throw Refusal.of(ErrorCode.APPROVAL_REQUIRED, "request " + requestId + " is " + request.status()
                    + ", not APPROVED");
        }
        if (request.isExpiredAt(ledger.now())) {
            throw Refusal.of(ErrorCode.REQUEST_EXPIRED, "request " + requestId + " expired at "
                    + request.expiresAt());
        }
        if (request.crossingId() != null) {
            throw Refusal.of(ErrorCode.REQUEST_ALREADY_USED, "request " + requestId + " was used by crossing "
                    + request.crossingId());
        }
        return request;
    }

    private void requireSameSubject(final CrossingRequest request) {
        if (!request.subjectId().equals(subject.subjectId())) {
            throw Refusal.of(ErrorCode.REQUEST_MISMATCH, "request " + request.requestId()
                    + " is for another subject");
        }
    }
}
