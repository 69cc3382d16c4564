package org.safepassage.guardian.verification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safepassage.service.sms.PhoneNumbers;

/**
 * The body of {@code POST /internal/v1/phone-verifications}.
 *
 * @param phoneNumber the number to verify, E.164 ({@link PhoneNumbers}, as enrollment checks it)
 * @param language en, ro, ru or uk; absent means en
 */
public record StartVerificationRequest(
        @Schema(required = true, pattern = PhoneNumbers.E164_PATTERN, examples = "+40712345678")
                String phoneNumber,
        @Schema(enumeration = {"en", "ro", "ru", "uk"}, description = "absent means en") String language) {}
