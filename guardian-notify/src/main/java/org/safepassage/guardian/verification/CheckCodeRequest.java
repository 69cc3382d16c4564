package org.safepassage.guardian.verification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /internal/v1/phone-verifications/{id}/check}.
 *
 * @param code the six digits the guardian received
 */
public record CheckCodeRequest(@Schema(required = true, pattern = CheckCodeRequest.CODE_PATTERN) String code) {
    /** Six digits, as this service checks them. */
    static final String CODE_PATTERN = "^[0-9]{6}$";
}
