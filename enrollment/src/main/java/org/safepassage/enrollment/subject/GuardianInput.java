package org.safepassage.enrollment.subject;

/**
 * A guardian as the officer enters them.
 *
 * @param verificationId the phone verification that proved {@code phoneNumber}; without one the guardian is kept but
 *     does not count toward the approval quorum until verified
 */
public record GuardianInput(String name, String relation, String phoneNumber, String language, String verificationId) {
    public GuardianInput {
        name = Fields.text("guardian.name", name, 200);
        relation = Fields.text("guardian.relation", relation, 100);
        phoneNumber = Fields.phoneNumber("guardian.phoneNumber", phoneNumber);
        language = Fields.guardianLanguage("guardian.language", language);
        verificationId = Fields.optionalText("guardian.verificationId", verificationId, 64);
    }

    public GuardianDetails details() {
        return new GuardianDetails(name, relation, phoneNumber, language);
    }
}
