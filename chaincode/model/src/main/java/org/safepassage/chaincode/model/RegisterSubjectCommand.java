package org.safepassage.chaincode.model;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** Input of {@code subject:RegisterSubject}: a new subject, active once committed. */
public record RegisterSubjectCommand(
        String subjectId,
        String commitment,
        CommitmentScheme scheme,
        ProtectionClass protectionClass,
        List<String> guardianRefs,
        int approvalQuorum,
        YearMonth consentRequiredUntil) {

    public RegisterSubjectCommand {
        // Validated by building the subject it describes: one set of rules for both.
        guardianRefs = toSubject(subjectId, commitment, scheme, protectionClass, guardianRefs, approvalQuorum,
                consentRequiredUntil, Instant.EPOCH).guardianRefs();
    }

    /** The active subject this command registers at {@code at}. */
    public Subject toSubject(final Instant at) {
        return toSubject(subjectId, commitment, scheme, protectionClass, guardianRefs, approvalQuorum,
                consentRequiredUntil, at);
    }

    private static Subject toSubject(final String subjectId, final String commitment, final CommitmentScheme scheme,
            final ProtectionClass protectionClass, final List<String> guardianRefs, final int approvalQuorum,
            final YearMonth consentRequiredUntil, final Instant at) {
        return new Subject(subjectId, commitment, scheme, protectionClass, guardianRefs, approvalQuorum,
                SubjectStatus.ACTIVE, consentRequiredUntil, at, at);
    }
}
