package org.safepassage.guardian.verification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /internal/v1/phone-verifications}.
 *
 * @param phoneNumber the number to verify, E.164
 * @param language en, ro, ru or uk; absent means en
 */
public record StartVerificationRequest(
        @Schema(required = true, pattern = StartVerificationRequest.E164_PATTERN, examples = "+40712345678")
                String phoneNumber,
        @Schema(enumeration = {"en", "ro", "ru", "uk"}, description = "absent means en") String language) {
    /** E.164 as this service checks it; the document declares the same expression. */
    static final String E164_PATTERN = "^\\+[0-9]{8,15}$";
}
