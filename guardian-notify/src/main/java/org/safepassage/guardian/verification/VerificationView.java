package org.safepassage.guardian.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * A phone verification as the API shows it; never the code.
 *
 * @param verificationId the random opaque id
 * @param phoneNumber the number being verified, E.164
 * @param status where it stands
 * @param expiresAt when the code stops being accepted (ISO-8601)
 * @param attemptsLeft wrong codes still allowed, while pending
 * @param verifiedAt when it was verified, once verified
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationView(
        String verificationId,
        String phoneNumber,
        VerificationStatus status,
        Instant expiresAt,
        Integer attemptsLeft,
        Instant verifiedAt) {
    /**
     * Checks the components that are always present.
     *
     * @throws NullPointerException if id, number, status or expiry is {@code null}
     */
    public VerificationView {
        Objects.requireNonNull(verificationId, "verificationId");
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
