package org.safepassage.enrollment.subject.ui;

import io.quarkus.qute.TemplateData;
import java.util.Locale;
import org.safepassage.enrollment.biometrics.FingerprintSearch;
import org.safepassage.enrollment.biometrics.iris.IrisMatcher;
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

    /** Whether an eye matched (a referral from before irises named no modality: a finger). */
    public boolean iris() {
        return referral.modality() == Referrals.Modality.IRIS;
    }

    /** The modality that matched, as the screen names it. */
    public String modalityText() {
        return iris() ? "iris" : "fingerprint";
    }

    /** The match score, rounded: a SourceAFIS similarity for a finger, a normalised Hamming distance for an eye. */
    public String score() {
        return String.format(Locale.ROOT, iris() ? "%.3f" : "%.1f", referral.score());
    }

    /** How to read the score: the two modalities' scales run in opposite directions. */
    public String scoreHint() {
        return iris()
                ? String.format(Locale.ROOT, "distance: %.2f and below is the same eye by default, 0.5 unrelated",
                        IrisMatcher.DEFAULT_THRESHOLD)
                : String.format(Locale.ROOT, "%.0f and above: the same finger by default",
                        FingerprintSearch.DEFAULT_THRESHOLD);
    }
}
