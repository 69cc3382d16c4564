package org.safepassage.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The body of every error answer: {@code code} is machine-readable, {@code message} is for people, {@code details}
 * carries what a client needs to act (the offending field, a rejection reason, a referral id).
 *
 * @param code the machine-readable reason, e.g. {@code INVALID_FIELD} or a ledger {@code ErrorCode} name
 * @param message a human-readable explanation, never holding personal data
 * @param details extra machine-readable facts; may be empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String code, String message, Map<String, Object> details) {
    /** Copies the details. */
    public ApiError {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
