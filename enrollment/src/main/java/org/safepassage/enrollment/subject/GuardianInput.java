package org.safepassage.enrollment.subject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A guardian as the officer enters them.
 *
 * @param verificationId the phone verification that proved {@code phoneNumber}; without one the guardian is kept but
 *     does not count toward the approval quorum until verified
 */
public record GuardianInput(
        @Schema(required = true, minLength = 1, maxLength = Fields.NAME_MAX, examples = "Elena Popescu") String name,
        @Schema(required = true, minLength = 1, maxLength = GuardianInput.RELATION_MAX, examples = "mother") String relation,
        @Schema(required = true, pattern = Fields.E164_PATTERN, examples = "+40712345678") String phoneNumber,
        @Schema(required = true, enumeration = {"en", "ro", "ru", "uk"}) String language,
        @Schema(maxLength = GuardianInput.VERIFICATION_ID_MAX) String verificationId) {
    static final int RELATION_MAX = 100;
    static final int VERIFICATION_ID_MAX = 64;

    public GuardianInput {
        name = Fields.text("guardian.name", name, Fields.NAME_MAX);
        relation = Fields.text("guardian.relation", relation, RELATION_MAX);
        phoneNumber = Fields.phoneNumber("guardian.phoneNumber", phoneNumber);
        language = Fields.guardianLanguage("guardian.language", language);
        verificationId = Fields.optionalText("guardian.verificationId", verificationId, VERIFICATION_ID_MAX);
    }

    public GuardianDetails details() {
        return new GuardianDetails(name, relation, phoneNumber, language);
    }
}
