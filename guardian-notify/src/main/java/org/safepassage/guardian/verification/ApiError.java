package org.safepassage.guardian.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The body of every error answer: {@code {"code": ..., "message": ...}}, plus {@code attemptsLeft} for a wrong code.
 *
 * @param code the machine-readable reason
 * @param message a sentence for people
 * @param attemptsLeft tries left before the verification locks, only for {@link ErrorCode#VERIFICATION_CODE_WRONG}
 *     and {@link ErrorCode#VERIFICATION_LOCKED}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(ErrorCode code, String message, Integer attemptsLeft) {
    /**
     * Checks code and message.
     *
     * @throws NullPointerException if code or message is {@code null}
     */
    public ApiError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /**
     * An error without attempts.
     *
     * @param code the reason
     * @param message a sentence for people
     * @return the error
     */
    public static ApiError of(final ErrorCode code, final String message) {
        return new ApiError(code, message, null);
    }
}
