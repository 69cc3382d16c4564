package org.safepassage.chaincode.model;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * Input of {@code subject:RegisterSubject}: a new subject, active once committed.
 *
 * @param additionalCommitments one commitment per further modality or eye (e.g. {@code iris-fc-v1} beside
 *     {@code fp-v1}); {@code null} or empty for a subject with one commitment
 */
public record RegisterSubjectCommand(
        String subjectId,
        String commitment,
        CommitmentScheme scheme,
        ProtectionClass protectionClass,
        List<String> guardianRefs,
        int approvalQuorum,
        YearMonth consentRequiredUntil,
        List<ModalityCommitment> additionalCommitments) {

    /** A subject with one commitment, as every subject was before the iris. */
    public RegisterSubjectCommand(final String subjectId, final String commitment, final CommitmentScheme scheme,
            final ProtectionClass protectionClass, final List<String> guardianRefs, final int approvalQuorum,
            final YearMonth consentRequiredUntil) {
        this(subjectId, commitment, scheme, protectionClass, guardianRefs, approvalQuorum, consentRequiredUntil, null);
    }

    public RegisterSubjectCommand {
        // Validated by building the subject it describes: one set of rules for both.
        final Subject subject = toSubject(subjectId, commitment, scheme, protectionClass, guardianRefs,
                approvalQuorum, consentRequiredUntil, additionalCommitments, Instant.EPOCH);
        guardianRefs = subject.guardianRefs();
        additionalCommitments = subject.additionalCommitments();
    }

    /** The active subject this command registers at {@code at}. */
    public Subject toSubject(final Instant at) {
        return toSubject(subjectId, commitment, scheme, protectionClass, guardianRefs, approvalQuorum,
                consentRequiredUntil, additionalCommitments, at);
    }

    private static Subject toSubject(final String subjectId, final String commitment, final CommitmentScheme scheme,
            final ProtectionClass protectionClass, final List<String> guardianRefs, final int approvalQuorum,
            final YearMonth consentRequiredUntil, final List<ModalityCommitment> additionalCommitments,
            final Instant at) {
        return new Subject(subjectId, commitment, scheme, protectionClass, guardianRefs, approvalQuorum,
                SubjectStatus.ACTIVE, consentRequiredUntil, at, at, additionalCommitments);
    }
}
