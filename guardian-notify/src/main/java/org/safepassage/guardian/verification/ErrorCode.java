package org.safepassage.guardian.verification;

/** The machine-readable {@code code} of every error the phone verification API answers. */
public enum ErrorCode {
    /** The request body is not JSON, or not the expected object. 400. */
    MALFORMED_REQUEST,
    /** The phone number is not E.164 ({@link org.safepassage.service.sms.PhoneNumbers}). 400. */
    INVALID_PHONE_NUMBER,
    /** The language is not one of en, ro, ru, uk. 400. */
    UNSUPPORTED_LANGUAGE,
    /** The code is not six digits. 400; does not count as an attempt. */
    INVALID_CODE_FORMAT,
    /** The Idempotency-Key header is malformed, or was used before for another phone number. 400 / 409. */
    IDEMPOTENCY_KEY_INVALID,
    /** No verification has this id. 404. */
    VERIFICATION_NOT_FOUND,
    /** The code is wrong; {@code attemptsLeft} says how many tries remain. 422. */
    VERIFICATION_CODE_WRONG,
    /** Too many wrong codes. 423. */
    VERIFICATION_LOCKED,
    /** The code's time ran out. 410. */
    VERIFICATION_EXPIRED,
    /** The verification's SMS was never sent, so it cannot be checked. 409. */
    VERIFICATION_NOT_SENT,
    /** The SMS provider refused the number (invalid, landline, opted out). 422. */
    PHONE_NUMBER_UNREACHABLE,
    /** The SMS provider failed or could not be reached; the text may or may not have gone out. 502. */
    SMS_PROVIDER_UNAVAILABLE,
    /** No or wrong credentials. 401. */
    UNAUTHENTICATED,
    /** Authenticated, but not as the enrollment service. 403. */
    FORBIDDEN,
    /** No such path. 404. */
    NOT_FOUND,
    /** The path does not take this method. 405. */
    METHOD_NOT_ALLOWED,
    /** The body is not {@code application/json}. 415. */
    UNSUPPORTED_MEDIA_TYPE,
    /** Any other refused request. 4xx. */
    BAD_REQUEST
}
