package org.safepassage.enrollment.api;

import org.safepassage.service.api.ErrorReason;

/**
 * Every machine-readable reason the enrollment API answers with, and its HTTP status. Clients switch on the name;
 * the message beside it is for people.
 */
public enum Reason implements ErrorReason {
    MALFORMED_REQUEST(400),
    INVALID_FIELD(400),
    UNSUPPORTED_LANGUAGE(400),
    INVALID_CODE_FORMAT(400),
    INVALID_PHONE_NUMBER(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    SUBJECT_NOT_FOUND(404),
    REFERRAL_NOT_FOUND(404),
    VERIFICATION_NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    /** The request id was used before for a different request. */
    DUPLICATE_REQUEST_ID(409),
    /** The fingerprints match someone already enrolled: referred to a supervisor, never merged. */
    DUPLICATE_REFERRED(409),
    /** The subject's ledger registration is still pending; retried in the background. */
    LEDGER_PENDING(409),
    REFERRAL_ALREADY_RESOLVED(409),
    SUBJECT_ERASED(410),
    VERIFICATION_EXPIRED(410),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    FINGERPRINT_REJECTED(422),
    /** An iris image failed the quality gate; {@code details.rejection} names the reason, {@code details.eye} the eye. */
    IRIS_REJECTED(422),
    /**
     * The biometrics given do not meet the default by age: irises under {@code details.irisOnlyBelowAge}, fingers
     * from that age ({@code details.required} names what is missing).
     */
    BIOMETRICS_REQUIRED(422),
    PHOTO_REJECTED(422),
    PHONE_NOT_VERIFIED(422),
    /** The SMS provider refused the number (e.g. the guardian opted out of messages). */
    PHONE_NUMBER_UNREACHABLE(422),
    GUARDIAN_NOT_VERIFIED(422),
    VERIFICATION_CODE_WRONG(422),
    VERIFICATION_LOCKED(423),
    /** The change breaks a rule of the ledger's records (chaincode/model); refused before anything was written. */
    REFUSED_BY_LEDGER_RULES(422),
    /** The ledger refused the transaction; the chaincode's own code is in the details. */
    LEDGER_REFUSED(422),
    INTERNAL_ERROR(500),
    LEDGER_UNAVAILABLE(503),
    /**
     * The 1:N gallery and its candidate index are still loading (after a start): no identification or
     * deduplication is answered until they are complete, because a partial gallery would answer NO_MATCH wrongly.
     */
    GALLERY_NOT_READY(503),
    /**
     * As many border searches as the instance runs at once are already running, and the scan's expected wait for a
     * place was too long, or no place freed within the longest wait ({@code SearchAdmission}): retry after
     * {@code details.retryAfterSeconds}. Nothing was decided about the person.
     */
    IDENTIFY_BUSY(503),
    NOTIFIER_UNAVAILABLE(503);

    private final int status;

    Reason(final int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
