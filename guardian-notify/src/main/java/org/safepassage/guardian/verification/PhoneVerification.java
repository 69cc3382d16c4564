package org.safepassage.guardian.verification;

import java.time.Instant;
import java.util.Objects;

/**
 * One phone verification as stored: the code only as its HMAC. Immutable; each change is a new value.
 *
 * @param id the random opaque id
 * @param phoneNumber the number being verified, E.164
 * @param language the language the code was texted in
 * @param codeDigest HMAC-SHA256 of id and code
 * @param status where it stands (stored; expiry is applied on read)
 * @param createdAt when it started
 * @param expiresAt when the code stops being accepted
 * @param failedAttempts wrong codes so far
 * @param messageSid the provider's id of the text, or {@code null} before or without one
 * @param verifiedAt when the right code came back, or {@code null}
 */
record PhoneVerification(
        String id,
        String phoneNumber,
        Language language,
        byte[] codeDigest,
        VerificationStatus status,
        Instant createdAt,
        Instant expiresAt,
        int failedAttempts,
        String messageSid,
        Instant verifiedAt) {

    PhoneVerification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(language, "language");
        codeDigest = Objects.requireNonNull(codeDigest, "codeDigest").clone();
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public byte[] codeDigest() {
        return codeDigest.clone();
    }

    /** The status as of {@code now}: a pending verification past its expiry is expired. */
    VerificationStatus statusAt(final Instant now) {
        return status == VerificationStatus.PENDING && !now.isBefore(expiresAt) ? VerificationStatus.EXPIRED : status;
    }

    PhoneVerification with(final VerificationStatus newStatus) {
        return new PhoneVerification(id, phoneNumber, language, codeDigest, newStatus, createdAt, expiresAt,
                failedAttempts, messageSid, verifiedAt);
    }

    PhoneVerification sent(final String sid) {
        return new PhoneVerification(id, phoneNumber, language, codeDigest, status, createdAt, expiresAt,
                failedAttempts, sid, verifiedAt);
    }

    PhoneVerification verified(final Instant at) {
        return new PhoneVerification(id, phoneNumber, language, codeDigest, VerificationStatus.VERIFIED, createdAt,
                expiresAt, failedAttempts, messageSid, at);
    }

    PhoneVerification failedAttempt(final int maxAttempts) {
        final int failed = failedAttempts + 1;
        return new PhoneVerification(id, phoneNumber, language, codeDigest,
                failed >= maxAttempts ? VerificationStatus.LOCKED : status, createdAt, expiresAt, failed, messageSid,
                verifiedAt);
    }

    /** Never prints the digest or the number. */
    @Override
    public String toString() {
        return "PhoneVerification[" + id + ", " + status + "]";
    }
}
