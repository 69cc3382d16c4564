package org.safepassage.guardian.verification;

/**
 * The body of {@code POST /internal/v1/phone-verifications/{id}/check}.
 *
 * @param code the six digits the guardian received
 */
public record CheckCodeRequest(String code) {}
