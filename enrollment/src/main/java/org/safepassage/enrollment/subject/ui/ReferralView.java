package org.safepassage.enrollment.subject.ui;

import io.quarkus.qute.TemplateData;
import org.safepassage.enrollment.subject.Referrals;
import org.safepassage.enrollment.subject.SubjectListing;

/**
 * A duplicate referral beside the enrolled subject it matched. Nothing of the applicant is kept (by design), so their
 * side shows only the request and who referred it.
 *
 * @param candidate the enrolled subject, or null if it has been erased since
 */
@TemplateData
public record ReferralView(Referrals.Referral referral, SubjectListing candidate) {
    /** When the enrollment was referred, to the minute, in UTC. */
    public String referredAtText() {
        return referral.createdAt().toString().substring(0, 16).replace('T', ' ') + " UTC";
    }

    /** The match score, rounded: SourceAFIS scores above the threshold (40) mean the same finger. */
    public String score() {
        return String.format(java.util.Locale.ROOT, "%.1f", referral.score());
    }
}
