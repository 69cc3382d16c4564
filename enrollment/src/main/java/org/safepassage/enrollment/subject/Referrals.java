package org.safepassage.enrollment.subject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.enrollment.biometrics.MatchCandidate;
import org.safepassage.service.api.ApiException;
import org.safepassage.service.db.Jdbc;

/**
 * Enrollments whose fingerprints match someone already enrolled. Nothing is merged and nothing of the applicant is
 * kept: a supervisor sees the candidate and the score, meets the person, and resolves the referral.
 */
@ApplicationScoped
public class Referrals {
    private final Jdbc jdbc;

    Referrals(final Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A referral as the supervisor sees it. */
    public record Referral(String referralId, String requestId, String candidateSubjectId, double score,
            String referredBy, Instant createdAt, String resolvedBy, String resolution, Modality modality) {}

    /**
     * Which modality matched. The score is that modality's: SourceAFIS similarity for a fingerprint (higher is
     * closer, 40 the threshold), normalised Hamming distance for an iris (lower is closer, 0.28 the threshold).
     */
    public enum Modality {
        FINGERPRINT, IRIS
    }

    /** How a supervisor closes a referral. */
    public enum Resolution {
        /** The applicant is the enrolled person: use that record (and re-enroll if their data changed). */
        SAME_PERSON,
        /** A false match: enroll again with a supervisor's sign-off (a different capture of the finger). */
        DIFFERENT_PERSON,
        /** Suspected fraud: reported to child protection. */
        FRAUD_SUSPECTED
    }

    public Referral refer(final String requestId, final MatchCandidate best, final String officer) {
        return refer(requestId, best.subjectId(), best.score(), Modality.FINGERPRINT, officer);
    }

    public Referral refer(final String requestId, final String candidateSubjectId, final double score,
            final Modality modality, final String officer) {
        final Referral referral = new Referral(OpaqueIds.random("ref-"), requestId, candidateSubjectId, score,
                officer, Instant.now(), null, null, modality);
        QuarkusTransaction.requiringNew().run(() -> jdbc.update("insert into duplicate_referral (referral_id, "
                + "request_id, candidate_subject_id, score, referred_by, created_at, modality) "
                + "values (?, ?, ?, ?, ?, ?, ?)", referral.referralId(), requestId, candidateSubjectId, score, officer,
                referral.createdAt(), modality.name()));
        return referral;
    }

    public Optional<Referral> findByRequest(final String requestId) {
        return jdbc.query(SELECT + " where request_id = ? order by created_at", Referrals::referral, requestId)
                .stream().findFirst();
    }

    public Optional<Referral> find(final String referralId) {
        return jdbc.queryOne(SELECT + " where referral_id = ?", Referrals::referral, referralId);
    }

    public List<Referral> open() {
        return jdbc.query(SELECT + " where resolution is null order by created_at", Referrals::referral);
    }

    public Referral resolve(final String referralId, final Resolution resolution, final String supervisor) {
        final Referral referral = find(referralId)
                .orElseThrow(() -> new ApiException(Reason.REFERRAL_NOT_FOUND, "no such referral"));
        if (referral.resolution() != null) {
            throw new ApiException(Reason.REFERRAL_ALREADY_RESOLVED, "resolved by " + referral.resolvedBy());
        }
        jdbc.update("update duplicate_referral set resolved_by = ?, resolution = ? where referral_id = ?", supervisor,
                resolution.name(), referralId);
        return find(referralId).orElseThrow();
    }

    /** Removes every referral naming an erased subject. */
    public void forget(final String subjectId) {
        jdbc.update("delete from duplicate_referral where candidate_subject_id = ?", subjectId);
    }

    static ApiException referred(final Referral referral) {
        return new ApiException(Reason.DUPLICATE_REFERRED, "these biometrics match a person already enrolled; "
                + "the enrollment was referred to a supervisor", Map.of("referralId", referral.referralId(),
                        "modality", referral.modality() == null ? Modality.FINGERPRINT.name() : referral.modality().name()));
    }

    private static final String SELECT = "select referral_id, request_id, candidate_subject_id, score, referred_by, "
            + "created_at, resolved_by, resolution, modality from duplicate_referral";

    private static Referral referral(final java.sql.ResultSet row) throws java.sql.SQLException {
        return new Referral(row.getString(1), row.getString(2), row.getString(3), row.getDouble(4), row.getString(5),
                Jdbc.instant(row, "created_at"), row.getString(7), row.getString(8), Modality.valueOf(row.getString(9)));
    }
}
