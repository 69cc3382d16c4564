package org.safepassage.guardian.verification;

import java.util.Objects;

/** A refused verification request: carries the HTTP status and the {@link ApiError} to answer with. */
public final class VerificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ApiError error;

    VerificationException(final int status, final ErrorCode code, final String message) {
        this(status, new ApiError(code, message, null));
    }

    VerificationException(final int status, final ApiError error) {
        super(error.message(), null, false, false);
        this.status = status;
        this.error = Objects.requireNonNull(error, "error");
    }

    /**
     * The HTTP status to answer.
     *
     * @return a 4xx or 5xx status
     */
    public int status() {
        return status;
    }

    /**
     * The body to answer.
     *
     * @return the error
     */
    public ApiError error() {
        return error;
    }
}
