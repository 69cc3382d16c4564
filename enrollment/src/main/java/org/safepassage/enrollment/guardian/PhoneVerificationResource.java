package org.safepassage.enrollment.guardian;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

    public record StartRequest(
            @Schema(required = true, pattern = Fields.E164_PATTERN, examples = "+40712345678") String phoneNumber,
            @Schema(required = true, enumeration = {"en", "ro", "ru", "uk"}) String language) {}

    public record CheckRequest(@Schema(required = true, minLength = 1, maxLength = PhoneVerifications.CODE_MAX,
            description = "the six digits the guardian read out") String code) {}

    @POST
    @Operation(summary = "Text a one-time code to a guardian's phone")
    @APIResponse(responseCode = "201", description = "The code was texted",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PhoneVerifications.Status.class)))
    @APIResponse(responseCode = "422", description = "PHONE_NUMBER_UNREACHABLE: the SMS provider refused the number")
    @APIResponse(responseCode = "503", description = "NOTIFIER_UNAVAILABLE: guardian-notify cannot be reached")
    public Response start(final StartRequest request) {
        Fields.present("body", request);
        return Response.status(201).entity(verifications.start(request.phoneNumber(), request.language())).build();
    }

    @POST
    @Path("/{verificationId}/check")
    @Operation(summary = "Check the code the guardian read out; VERIFIED lets the guardian count toward a quorum")
    @APIResponse(responseCode = "410", description = "VERIFICATION_EXPIRED")
    @APIResponse(responseCode = "422", description = "VERIFICATION_CODE_WRONG")
    @APIResponse(responseCode = "423", description = "VERIFICATION_LOCKED after too many wrong codes")
    @APIResponse(responseCode = "200", description = "VERIFIED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PhoneVerifications.Status.class)))
    public PhoneVerifications.Status check(@PathParam("verificationId") final String verificationId,
            final CheckRequest request) {
        Fields.present("body", request);
        return verifications.check(verificationId, request.code());
    }
}
