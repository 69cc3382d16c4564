package org.safepassage.chaincode.model;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A protected person as the ledger knows them: an opaque id, a biometric commitment and opaque guardian references;
 * never a name, a date of birth or a template.
 *
 * @param subjectId random id minted at enrollment
 * @param commitment keyed commitment to the subject's biometrics (hex); absent once erased
 * @param scheme how the commitment was derived; absent once erased
 * @param protectionClass minor or adult survivor; absent once erased
 * @param guardianRefs opaque references of the guardians who may decide on crossings
 * @param approvalQuorum how many of the guardians must approve a crossing (M of N)
 * @param status active, flagged missing or erased
 * @param consentRequiredUntil for a minor, the last month in which guardian approval is required (coarse, so no birth
 *     date is on chain)
 * @param registeredAt transaction time of the registration
 * @param updatedAt transaction time of the last change
 * @param additionalCommitments the subject's other commitments, one per further modality or eye, each naming its
 *     scheme; absent when the subject has only the primary one, and once erased
 */
public record Subject(
        String subjectId,
        String commitment,
        CommitmentScheme scheme,
        ProtectionClass protectionClass,
        List<String> guardianRefs,
        int approvalQuorum,
        SubjectStatus status,
        YearMonth consentRequiredUntil,
        Instant registeredAt,
        Instant updatedAt,
        List<ModalityCommitment> additionalCommitments) {

    /** A subject with one commitment, as every subject was before the iris. */
    public Subject(final String subjectId, final String commitment, final CommitmentScheme scheme,
            final ProtectionClass protectionClass, final List<String> guardianRefs, final int approvalQuorum,
            final SubjectStatus status, final YearMonth consentRequiredUntil, final Instant registeredAt,
            final Instant updatedAt) {
        this(subjectId, commitment, scheme, protectionClass, guardianRefs, approvalQuorum, status,
                consentRequiredUntil, registeredAt, updatedAt, null);
    }

    public Subject {
        Require.opaqueId("subjectId", subjectId);
        Require.present("status", status);
        Require.present("registeredAt", registeredAt);
        Require.present("updatedAt", updatedAt);
        guardianRefs = Guardians.refs(guardianRefs);
        if (status == SubjectStatus.ERASED) {
            Require.that(
                    commitment == null && scheme == null && protectionClass == null && consentRequiredUntil == null,
                    "an erased subject keeps no commitment, scheme, protection class or consent month");
            Require.that(guardianRefs.isEmpty() && approvalQuorum == 0, "an erased subject keeps no guardians");
            Require.that(additionalCommitments == null || additionalCommitments.isEmpty(),
                    "an erased subject keeps no commitments");
            additionalCommitments = null;
        } else {
            Require.sha256Hex("commitment", commitment);
            Require.present("scheme", scheme);
            Require.present("protectionClass", protectionClass);
            additionalCommitments = ModalityCommitment.additional(commitment, additionalCommitments);
            Guardians.checkQuorum(protectionClass, guardianRefs, approvalQuorum);
            if (protectionClass == ProtectionClass.MINOR) {
                Require.present("consentRequiredUntil", consentRequiredUntil);
            }
        }
    }

    /** Whether a crossing at {@code month} needs guardian approval, pre-authorisation or an override. */
    public boolean needsGuardianConsent(final YearMonth month) {
        return protectionClass == ProtectionClass.MINOR && !month.isAfter(consentRequiredUntil);
    }

    /** Every commitment of the subject: the primary one first, then the additional ones; empty once erased. */
    public List<ModalityCommitment> allCommitments() {
        if (commitment == null) {
            return List.of();
        }
        final List<ModalityCommitment> all = new java.util.ArrayList<>();
        all.add(new ModalityCommitment(scheme, commitment));
        if (additionalCommitments != null) {
            all.addAll(additionalCommitments);
        }
        return List.copyOf(all);
    }

    public boolean isGuardian(final String guardianRef) {
        return guardianRefs.contains(guardianRef);
    }

    public Subject withStatus(final SubjectStatus newStatus, final Instant at) {
        return new Subject(subjectId, commitment, scheme, protectionClass, guardianRefs, approvalQuorum, newStatus,
                consentRequiredUntil, registeredAt, at, additionalCommitments);
    }

    public Subject withGuardians(final List<String> refs, final int quorum, final Instant at) {
        return new Subject(subjectId, commitment, scheme, protectionClass, refs, quorum, status, consentRequiredUntil,
                registeredAt, at, additionalCommitments);
    }

    /** Renewal of the primary commitment; the additional ones are kept (renewal by modality is not built yet). */
    public Subject withCommitment(final String newCommitment, final CommitmentScheme newScheme, final Instant at) {
        return new Subject(subjectId, newCommitment, newScheme, protectionClass, guardianRefs, approvalQuorum, status,
                consentRequiredUntil, registeredAt, at, additionalCommitments);
    }

    /** What is left of the subject after erasure: the id and the dates, linked to nothing. */
    public Subject erased(final Instant at) {
        return new Subject(subjectId, null, null, null, List.of(), 0, SubjectStatus.ERASED, null, registeredAt, at);
    }
}
