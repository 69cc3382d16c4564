package org.safepassage.enrollment.subject.ui;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.safepassage.enrollment.subject.Referrals;
import org.safepassage.enrollment.subject.SubjectDirectory;

/** The supervisors' queue of duplicate referrals, each beside the enrolled subject it matched. */
@Path("/ui/referrals")
@RolesAllowed("supervisor")
public class ReferralPages {
    private final Referrals referrals;
    private final SubjectDirectory directory;

    ReferralPages(final Referrals referrals, final SubjectDirectory directory) {
        this.referrals = referrals;
        this.directory = directory;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String open(@Context final SecurityContext caller) {
        return Pages.referrals(Screen.of("Duplicate referrals", "referrals", caller), referrals.open().stream()
                .map(r -> new ReferralView(r, directory.listing(r.candidateSubjectId()).orElse(null)))
                .toList()).render();
    }
}
