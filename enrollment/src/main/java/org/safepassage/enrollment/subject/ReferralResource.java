package org.safepassage.enrollment.subject;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.service.api.ApiException;

/** Supervisors' queue of duplicate enrollments. */
@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("supervisor")
@Tag(name = "referrals")
public class ReferralResource {
    private final Referrals referrals;

    ReferralResource(final Referrals referrals) {
        this.referrals = referrals;
    }

    public record ResolveRequest(@Schema(required = true) Referrals.Resolution resolution) {}

    @GET
    public List<Referrals.Referral> open() {
        return referrals.open();
    }

    @GET
    @Path("/{referralId}")
    public Referrals.Referral get(@PathParam("referralId") final String referralId) {
        return referrals.find(referralId)
                .orElseThrow(() -> new ApiException(Reason.REFERRAL_NOT_FOUND, "no such referral"));
    }

    @POST
    @Path("/{referralId}/resolution")
    @APIResponse(responseCode = "409", description = "REFERRAL_ALREADY_RESOLVED")
    @APIResponse(responseCode = "422", description = "the resolution cannot be carried out (LEDGER_REFUSED)")
    @APIResponse(responseCode = "200", description = "The resolved referral",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Referrals.Referral.class)))
    public Referrals.Referral resolve(@PathParam("referralId") final String referralId, final ResolveRequest request,
            @Context final SecurityContext caller) {
        Fields.present("resolution", request == null ? null : request.resolution());
        return referrals.resolve(referralId, request.resolution(), caller.getUserPrincipal().getName());
    }
}
