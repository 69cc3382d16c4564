package org.safepassage.enrollment.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The body of every error answer: {@code code} is the machine-readable {@link Reason}, {@code message} is for people,
 * {@code details} carries what a client needs to act (the offending field, the rejection reason, a referral id).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String code, String message, Map<String, Object> details) {
    public static Problem of(final ApiException e) {
        return new Problem(e.reason().name(), e.getMessage(), e.details());
    }
}
