package org.safepassage.chaincode.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A border post's request for guardian approval of a protected minor's crossing, with the guardians' decisions.
 *
 * <p>The guardians and the quorum are copied from the subject when the request is opened, so the request is judged by
 * the rule that held when the guardians were asked.
 *
 * @param requestId the id of the transaction that opened the request
 * @param companionRef keyed hash of the accompanying adult's travel document, or absent
 * @param crossingId the crossing that used this approval, once one has
 */
public record CrossingRequest(
        String requestId,
        String subjectId,
        String post,
        Direction direction,
        String companionRef,
        List<String> guardianRefs,
        int approvalQuorum,
        List<GuardianDecision> decisions,
        RequestStatus status,
        Instant createdAt,
        Instant expiresAt,
        String crossingId) {

    public CrossingRequest {
        Require.ledgerId("requestId", requestId);
        Require.opaqueId("subjectId", subjectId);
        Require.post("post", post);
        Require.present("direction", direction);
        Require.optionalOpaqueId("companionRef", companionRef);
        guardianRefs = Guardians.refs(guardianRefs);
        Guardians.checkQuorum(ProtectionClass.MINOR, guardianRefs, approvalQuorum);
        decisions = Require.list("decisions", decisions);
        Require.present("status", status);
        Require.present("createdAt", createdAt);
        Require.present("expiresAt", expiresAt);
        Require.that(expiresAt.isAfter(createdAt), "expiresAt: must be after createdAt");
        if (crossingId != null) {
            Require.ledgerId("crossingId", crossingId);
        }
    }

    /** A new pending request with no decisions yet. */
    public static CrossingRequest open(
            final String requestId,
            final Subject subject,
            final String post,
            final Direction direction,
            final String companionRef,
            final Instant createdAt,
            final Instant expiresAt) {
        return new CrossingRequest(requestId, subject.subjectId(), post, direction, companionRef,
                subject.guardianRefs(), subject.approvalQuorum(), List.of(), RequestStatus.PENDING, createdAt,
                expiresAt, null);
    }

    public boolean isExpiredAt(final Instant time) {
        return !time.isBefore(expiresAt);
    }

    /** Still waiting for the guardians at {@code time}: pending and not expired. */
    public boolean isOpenAt(final Instant time) {
        return status == RequestStatus.PENDING && !isExpiredAt(time);
    }

    /**
     * Whether a scan describes the crossing this request asks the guardians about: the same post, direction and
     * companion. Such a scan (the guard scanned again) joins this request; any other scan of the subject while it is
     * open conflicts with what the guardians were told (the rule across posts: docs/walkthrough.md, "Scanning again").
     */
    public boolean isSameCrossing(final String atPost, final Direction inDirection, final String withCompanionRef) {
        return post.equals(atPost) && direction == inDirection && Objects.equals(companionRef, withCompanionRef);
    }

    public boolean hasDecided(final String guardianRef) {
        return decisions.stream().anyMatch(d -> d.guardianRef().equals(guardianRef));
    }

    public long count(final Decision decision) {
        return decisions.stream().filter(d -> d.decision() == decision).count();
    }

    /**
     * The request with one more decision, and the status that follows: approved once the quorum is reached, refused
     * once so many guardians refused that the quorum can no longer be reached.
     */
    public CrossingRequest withDecision(final GuardianDecision decision) {
        final var all = new java.util.ArrayList<>(decisions);
        all.add(decision);
        final var next = new CrossingRequest(requestId, subjectId, post, direction, companionRef, guardianRefs,
                approvalQuorum, all, status, createdAt, expiresAt, crossingId);
        final long approvals = next.count(Decision.APPROVE);
        final long refusals = next.count(Decision.REFUSE);
        if (approvals >= approvalQuorum) {
            return next.withStatus(RequestStatus.APPROVED);
        }
        if (refusals > guardianRefs.size() - approvalQuorum) {
            return next.withStatus(RequestStatus.REFUSED);
        }
        return next;
    }

    public CrossingRequest withStatus(final RequestStatus newStatus) {
        return new CrossingRequest(requestId, subjectId, post, direction, companionRef, guardianRefs, approvalQuorum,
                decisions, newStatus, createdAt, expiresAt, crossingId);
    }

    public CrossingRequest usedBy(final String usingCrossingId) {
        return new CrossingRequest(requestId, subjectId, post, direction, companionRef, guardianRefs, approvalQuorum,
                decisions, status, createdAt, expiresAt, usingCrossingId);
    }
}
