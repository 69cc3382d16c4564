package org.safepassage.enrollment.subject;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.safepassage.chaincode.model.ProtectionClass;

/**
 * What the API says about an enrolled subject without opening the vault: ids, counts and states only.
 *
 * @param ledgerState PENDING while the ledger registration is retried in the background
 * @param irises the enrolled eyes
 */
public record SubjectSummary(String subjectId, ProtectionClass protectionClass, int approvalQuorum,
        YearMonth consentRequiredUntil, List<GuardianSummary> guardians, List<Finger> fingers,
        StoredSubject.LedgerState ledgerState, Instant enrolledAt, List<Eye> irises) {

    /** A guardian by reference; only verified guardians are on the ledger and count toward the quorum. */
    public record GuardianSummary(String guardianRef, boolean phoneVerified) {}
}
