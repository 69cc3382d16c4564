package org.safepassage.enrollment.subject.ui;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.safepassage.enrollment.audit.AccessAudit;
import org.safepassage.enrollment.audit.Purpose;
import org.safepassage.enrollment.subject.Referrals;
import org.safepassage.enrollment.subject.SubjectDirectory;

/** The supervisors' queue of duplicate referrals, each beside the enrolled subject it matched. */
@Path("/ui/referrals")
@RolesAllowed("supervisor")
public class ReferralPages {
    private final Referrals referrals;
    private final SubjectDirectory directory;
    private final AccessAudit audit;

    ReferralPages(final Referrals referrals, final SubjectDirectory directory, final AccessAudit audit) {
        this.referrals = referrals;
        this.directory = directory;
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String open(@Context final SecurityContext caller) {
        final List<ReferralView> views = referrals.open().stream()
                .map(r -> new ReferralView(r, directory.listing(r.candidateSubjectId()).orElse(null)))
                .toList();
        audit.record(Purpose.REFERRAL_REVIEW, views.stream().filter(v -> v.candidate() != null)
                .map(v -> new AccessAudit.Read(v.candidate().subjectId(), SubjectPages.LISTED + "; referral "
                        + v.referral().referralId()))
                .toList());
        return Pages.referrals(Screen.of("Duplicate referrals", "referrals", caller), views).render();
    }
}
