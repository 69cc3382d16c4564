package org.safepassage.gateway.api;

import java.util.Map;
import java.util.Objects;

/** A request the gateway answers with a 4xx (or a 503 for an unreachable dependency) and an {@link ApiError}. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Map<String, Object> details;

    /**
     * An error answer.
     *
     * @param status the HTTP status
     * @param code the machine-readable reason
     * @param message the human-readable explanation, without personal data
     * @param details extra machine-readable facts
     */
    public ApiException(final int status, final String code, final String message, final Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    /**
     * A 400 for one invalid field.
     *
     * @param field the field's JSON path
     * @param expected what the field must be
     * @return the exception
     */
    public static ApiException invalid(final String field, final String expected) {
        return new ApiException(400, "INVALID_FIELD", field + ": " + expected, Map.of("field", field));
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the machine-readable reason */
    public String code() {
        return code;
    }

    /** @return the body to answer with */
    public ApiError toError() {
        return new ApiError(code, getMessage(), details);
    }
}
