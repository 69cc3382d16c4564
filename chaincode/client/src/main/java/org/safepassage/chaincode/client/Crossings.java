package org.safepassage.chaincode.client;

import java.util.List;
import org.safepassage.chaincode.model.Crossing;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.OpenCrossingRequestCommand;
import org.safepassage.chaincode.model.RecordCrossingCommand;
import org.safepassage.chaincode.model.RecordGuardianDecisionCommand;
import org.safepassage.chaincode.model.RecordScanCommand;
import org.safepassage.chaincode.model.Subject;

/**
 * The chaincode's {@code crossing} contract: scans at border posts, crossing requests and the guardians' decisions on
 * them, and the crossings themselves.
 *
 * <p>Submitting methods return once the transaction has committed; evaluating ones ask a single peer. Failures are
 * reported as on {@link Subjects}. Arguments must not be null. Thread-safe.
 */
public interface Crossings {
    /**
     * Submits {@code RecordScan}: the subject was identified at a post. A flagged-missing subject raises an alert.
     *
     * @param command the scan
     * @return the subject as the ledger knows it, so the post can decide
     */
    Subject recordScan(RecordScanCommand command);

    /**
     * Submits {@code RecordScan} and returns once the orderer has accepted it, without waiting for the commit: for a
     * border post, whose decision needs the subject as the endorsing peers read it (the transaction writes nothing)
     * but not the block. Failures to endorse or submit are thrown as by {@link #recordScan}; the commit's outcome
     * completes {@link Submitted#committed()}, and a caller that must have the scan on the ledger resubmits on a
     * failure there.
     *
     * @param command the scan
     * @return the subject as the endorsing peers read it, and the pending commit
     */
    Submitted<Subject> recordScanAsync(RecordScanCommand command);

    /**
     * Submits {@code OpenCrossingRequest}: asks a protected minor's guardians to approve a crossing. The ledger keeps one
     * open request per subject: while one is pending and unexpired, this is refused with
     * {@link RequestAlreadyOpenException}, which names it. Two posts opening one at the same moment: the later commit
     * fails with {@link LedgerConflictException}, and submitting again gets the refusal naming the request that won
     * ({@link Retry}).
     *
     * @param command the crossing to approve
     * @return the pending request; its id is the transaction id
     * @throws RequestAlreadyOpenException if the subject already has an open request
     */
    CrossingRequest openRequest(OpenCrossingRequestCommand command);

    /**
     * Submits {@code RecordGuardianDecision}: one guardian's answer. Two guardians answering at once may conflict;
     * see {@link Retry}.
     *
     * @param command the decision
     * @return the request with the decision, approved or refused once the quorum is decided
     */
    CrossingRequest recordDecision(RecordGuardianDecisionCommand command);

    /**
     * Submits {@code ExpireCrossingRequest}: closes a pending request past its expiry, raising an alert.
     *
     * @param requestId the request's id
     * @return the expired request
     */
    CrossingRequest expireRequest(String requestId);

    /**
     * Submits {@code CancelCrossingRequest}: the post no longer needs the approval.
     *
     * @param requestId the request's id
     * @return the cancelled request
     */
    CrossingRequest cancelRequest(String requestId);

    /**
     * Evaluates {@code ReadCrossingRequest}.
     *
     * @param requestId the request's id
     * @return the request (refused as {@code REQUEST_NOT_FOUND} if there is none)
     */
    CrossingRequest readRequest(String requestId);

    /**
     * Submits {@code RecordCrossing}: what the post did, and on what legal basis.
     *
     * @param command the crossing
     * @return the recorded crossing; its id is the transaction id
     */
    Crossing recordCrossing(RecordCrossingCommand command);

    /**
     * Evaluates {@code ListCrossings}.
     *
     * @param subjectId the subject's id
     * @return the subject's crossings, in the order the chaincode lists them
     */
    List<Crossing> listCrossings(String subjectId);
}
