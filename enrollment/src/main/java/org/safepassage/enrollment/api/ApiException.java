package org.safepassage.enrollment.api;

import java.util.Map;
import java.util.Objects;

/** A request the API answers with a client-facing reason rather than the result. */
public class ApiException extends RuntimeException {
    private final Reason reason;
    private final Map<String, Object> details;

    public ApiException(final Reason reason, final String message) {
        this(reason, message, Map.of());
    }

    public ApiException(final Reason reason, final String message, final Map<String, Object> details) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.details = Map.copyOf(details);
    }

    public Reason reason() {
        return reason;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** A field that fails validation: 400 with the field's name in the details. */
    public static ApiException invalid(final String field, final String message) {
        return new ApiException(Reason.INVALID_FIELD, field + ": " + message, Map.of("field", field));
    }
}
