package org.safepassage.gateway.status;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.Decision;
import org.safepassage.chaincode.model.RequestStatus;

/**
 * A crossing request as the guard's screen shows it: status and how far the guardians' answers got. Opaque ids only.
 *
 * @param requestId the request's id
 * @param subjectId the subject's opaque id
 * @param post the post that opened it
 * @param direction {@code EXIT} or {@code ENTRY}
 * @param status {@code PENDING}, {@code APPROVED}, {@code REFUSED}, {@code EXPIRED} or {@code CANCELLED}
 * @param approvals guardians who approved
 * @param refusals guardians who refused
 * @param approvalQuorum approvals needed
 * @param guardians guardians asked
 * @param expiresAt when an unanswered request expires
 * @param crossingId the crossing that used the approval, once recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestView(String requestId, String subjectId, String post, String direction, RequestStatus status,
        long approvals, long refusals, int approvalQuorum, int guardians, Instant expiresAt, String crossingId) {

    /**
     * The view of a ledger record.
     *
     * @param request the request as the ledger holds it
     * @return the view
     */
    public static RequestView of(final CrossingRequest request) {
        return new RequestView(request.requestId(), request.subjectId(), request.post(), request.direction().name(),
                request.status(), request.count(Decision.APPROVE), request.count(Decision.REFUSE),
                request.approvalQuorum(), request.guardianRefs().size(), request.expiresAt(), request.crossingId());
    }

    /** @return whether the guardians' part is over, so a live stream of it ends */
    @JsonIgnore
    public boolean isSettled() {
        return status != RequestStatus.PENDING;
    }
}
