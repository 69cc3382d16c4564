package org.safepassage.enrollment.subject;

import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.safepassage.chaincode.model.ProtectionClass;

/**
 * One line of the officers' subject list: the opaque state columns and the name, decrypted for the screen only.
 *
 * @param ledgerState PENDING while the ledger registration is still being retried
 */
@TemplateData
public record SubjectListing(String subjectId, String givenNames, String familyName, LocalDate birthDate,
        ProtectionClass protectionClass, StoredSubject.LedgerState ledgerState, Instant enrolledAt) {

    /** When the subject was enrolled, to the minute, in UTC as every agency's records are. */
    public String enrolledAtText() {
        return enrolledAt == null ? "" : enrolledAt.toString().substring(0, 16).replace('T', ' ') + " UTC";
    }

    /**
     * Whether an officer's search words find this subject: every word must appear (ignoring case) in the given names
     * or the family name, or start the subject id, so "maria pop" finds Maria Popescu and "sub-3f" an id.
     */
    public boolean matches(final String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        final String names = (givenNames + " " + familyName).toLowerCase(Locale.ROOT);
        final String id = subjectId.toLowerCase(Locale.ROOT);
        for (String word : query.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!names.contains(word) && !id.startsWith(word)) {
                return false;
            }
        }
        return true;
    }
}
