package org.safepassage.enrollment.subject;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * What the subject screen shows: the summary, the name and guardians decrypted, phones masked, and where the ledger
 * stands.
 *
 * @param status the ledger's status (ACTIVE, FLAGGED_MISSING, ERASED), PENDING while the registration is retried, or
 *     UNKNOWN when the ledger cannot be read right now
 */
@TemplateData
public record SubjectProfile(SubjectListing listing, String sex, String placeOfBirth, List<String> languages,
        SubjectSummary summary, List<GuardianView> guardians, String status) {

    /** A current guardian, with the phone masked except its last three digits. */
    @TemplateData
    public record GuardianView(String guardianRef, String name, String relation, String maskedPhone, String language,
            boolean phoneVerified) {}
}
