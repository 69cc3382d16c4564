package org.safepassage.chaincode.model;

/**
 * Why the chaincode refused a transaction: the stable, machine-readable code every refusal carries, as the payload of
 * its {@code ChaincodeException} and as the prefix of its message ({@code CODE: explanation}).
 *
 * <p>{@link #httpStatus()} is the status a service should answer with when it passes the refusal on to its caller.
 */
public enum ErrorCode {
    /** The input is malformed or breaks a record's rules. */
    INVALID_ARGUMENT(400),
    /** The caller's organisation or role may not run this transaction. */
    ACCESS_DENIED(403),
    SUBJECT_NOT_FOUND(404),
    SUBJECT_ALREADY_EXISTS(409),
    /** The commitment is, or was, registered to a subject: commitments are never reused. */
    COMMITMENT_ALREADY_REGISTERED(409),
    /** The subject was erased; nothing can be done with it any more. */
    SUBJECT_ERASED(410),
    /** The subject is flagged missing; the crossing is refused and an alert is raised by the scan. */
    SUBJECT_FLAGGED_MISSING(422),
    SUBJECT_NOT_FLAGGED(409),
    SUBJECT_ALREADY_FLAGGED(409),
    /** The guardian reference is not one of the subject's guardians. */
    GUARDIAN_NOT_LINKED(422),
    GUARDIAN_ALREADY_DECIDED(409),
    REQUEST_NOT_FOUND(404),
    /**
     * The subject already has an open (pending, unexpired) crossing request: one at a time. The explanation names it
     * ({@link OpenRequest#fromExplanation}).
     */
    REQUEST_ALREADY_OPEN(409),
    /** The crossing request has already been decided, expired or cancelled. */
    REQUEST_NOT_PENDING(409),
    REQUEST_EXPIRED(409),
    REQUEST_NOT_EXPIRED(409),
    /** The request belongs to another subject, post or direction than the crossing. */
    REQUEST_MISMATCH(422),
    REQUEST_ALREADY_USED(409),
    /** The subject needs no guardian approval (an adult survivor, or a minor past the consent month). */
    APPROVAL_NOT_REQUIRED(422),
    /** A protected minor may cross only with approval, a valid pre-authorised trip or a supervised override. */
    APPROVAL_REQUIRED(422),
    TRIP_NOT_FOUND(404),
    /** The pre-authorised trip does not cover this post, direction, companion or time, or was revoked. */
    TRIP_NOT_APPLICABLE(422),
    TRIP_ALREADY_REVOKED(409),
    /** Fewer distinct linked guardians approved than the subject's quorum requires. */
    QUORUM_NOT_MET(422),
    ALERT_NOT_FOUND(404),
    ALERT_ALREADY_ACKNOWLEDGED(409),
    /** An access-audit head that contradicts an earlier anchor: the chain was shortened or rewritten. */
    AUDIT_HEAD_CONFLICT(409);

    private final int httpStatus;

    ErrorCode(final int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The HTTP status a service answers with when it passes this refusal on. */
    public int httpStatus() {
        return httpStatus;
    }
}
