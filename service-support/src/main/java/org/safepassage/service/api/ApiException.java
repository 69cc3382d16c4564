package org.safepassage.service.api;

import java.util.Map;
import java.util.Objects;

/**
 * A request a service answers with a reason rather than the result: a 4xx, or a 503 for a dependency that cannot be
 * reached, and an {@link ApiError} body ({@link ErrorAnswers#answer(ApiException)}).
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient ErrorReason reason;
    private final transient Map<String, Object> details;

    /**
     * An error answer for one of the service's reasons.
     *
     * @param reason the reason, which gives the code and the status
     * @param message the human-readable explanation, without personal data
     */
    public ApiException(final ErrorReason reason, final String message) {
        this(reason, message, Map.of());
    }

    /**
     * An error answer for one of the service's reasons, with machine-readable details.
     *
     * @param reason the reason, which gives the code and the status
     * @param message the human-readable explanation, without personal data
     * @param details extra machine-readable facts
     */
    public ApiException(final ErrorReason reason, final String message, final Map<String, Object> details) {
        this(Objects.requireNonNull(reason, "reason").status(), reason.name(), reason, message, details);
    }

    /**
     * An error answer with a code of its own.
     *
     * @param status the HTTP status
     * @param code the machine-readable reason
     * @param message the human-readable explanation, without personal data
     * @param details extra machine-readable facts
     */
    public ApiException(final int status, final String code, final String message, final Map<String, Object> details) {
        this(status, code, null, message, details);
    }

    private ApiException(final int status, final String code, final ErrorReason reason, final String message,
            final Map<String, Object> details) {
        super(message, null, false, false);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.reason = reason;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    /**
     * A 400 {@code INVALID_FIELD} for one field that fails validation, the field's name in the details.
     *
     * @param field the field's JSON path
     * @param expected what the field must be
     * @return the exception
     */
    public static ApiException invalid(final String field, final String expected) {
        return new ApiException(400, "INVALID_FIELD", field + ": " + expected, Map.of("field", field));
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The machine-readable reason. */
    public String code() {
        return code;
    }

    /** The service's reason it was made with, or null when it was made with a code of its own. */
    public ErrorReason reason() {
        return reason;
    }

    /** The machine-readable details. */
    public Map<String, Object> details() {
        return details;
    }

    /** The body to answer with. */
    public ApiError toError() {
        return new ApiError(code, getMessage(), details);
    }
}
