package org.safepassage.enrollment.guardian;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safepassage.enrollment.subject.Fields;

/** Guardian phone verification, step one and two, as the officer's enrollment form drives it. */
@Path("/api/v1/phone-verifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"officer", "supervisor"})
@Tag(name = "guardians")
public class PhoneVerificationResource {
    private final PhoneVerifications verifications;

    PhoneVerificationResource(final PhoneVerifications verifications) {
        this.verifications = verifications;
    }

    public record StartRequest(String phoneNumber, String language) {}

    public record CheckRequest(String code) {}

    @POST
    @Operation(summary = "Text a one-time code to a guardian's phone")
    public Response start(final StartRequest request) {
        Fields.present("body", request);
        return Response.status(201).entity(verifications.start(request.phoneNumber(), request.language())).build();
    }

    @POST
    @Path("/{verificationId}/check")
    @Operation(summary = "Check the code the guardian read out; VERIFIED lets the guardian count toward a quorum")
    public PhoneVerifications.Status check(@PathParam("verificationId") final String verificationId,
            final CheckRequest request) {
        Fields.present("body", request);
        return verifications.check(verificationId, request.code());
    }
}
