package org.safepassage.guardian.verification;

/**
 * The body of {@code POST /internal/v1/phone-verifications}.
 *
 * @param phoneNumber the number to verify, E.164
 * @param language en, ro, ru or uk; absent means en
 */
public record StartVerificationRequest(String phoneNumber, String language) {}
