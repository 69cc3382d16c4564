package org.safepassage.guardian.verification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Phone verification for enrollment: the enrollment service starts one per guardian phone number, the guardian reads
 * the code from the SMS to the officer, and the enrollment service checks it. HTTP Basic, role
 * {@code enrollment-service}.
 */
@Path("/internal/v1/phone-verifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("enrollment-service")
@Tag(name = "phone verification", description = "One-time SMS codes proving a guardian holds a phone")
public final class PhoneVerificationResource {
    private final PhoneVerificationService service;

    PhoneVerificationResource(final PhoneVerificationService service) {
        this.service = service;
    }

    /**
     * Starts a verification and texts a six-digit code, valid ten minutes.
     *
     * @param request the number and language
     * @param idempotencyKey optional; a repeated request with the same key returns the same verification
     * @return 201 with the pending verification
     */
    @POST
    @Operation(summary = "Start a phone verification", description = "Texts a random six-digit code to the number, "
            + "in en, ro, ru or uk. Repeating a request with the same Idempotency-Key sends nothing new.")
    @APIResponse(responseCode = "201", description = "The code was texted",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VerificationView.class)))
    @APIResponse(responseCode = "409", description = "IDEMPOTENCY_KEY_INVALID: the key was used for another number")
    @APIResponse(responseCode = "422", description = "PHONE_NUMBER_UNREACHABLE: the SMS provider refused the number")
    @APIResponse(responseCode = "502", description = "SMS_PROVIDER_UNAVAILABLE: the SMS provider failed; try again")
    public Response start(
            final StartVerificationRequest request, @HeaderParam("Idempotency-Key") final String idempotencyKey) {
        if (request == null) {
            throw new VerificationException(400, ErrorCode.MALFORMED_REQUEST,
                    "the body must be {\"phoneNumber\": \"+...\", \"language\": \"en|ro|ru|uk\"}");
        }
        final VerificationView view = service.start(request.phoneNumber(), request.language(), idempotencyKey);
        return Response.created(UriBuilder.fromResource(PhoneVerificationResource.class)
                        .path(view.verificationId())
                        .build())
                .entity(view)
                .build();
    }

    /**
     * Checks a code.
     *
     * @param id the verification id
     * @param request the code
     * @return the verified verification
     */
    @POST
    @Path("{id}/check")
    @Operation(summary = "Check a code", description = "200 VERIFIED (again if already verified); 422 wrong code with "
            + "attemptsLeft; 423 after five wrong codes; 410 expired; 404 unknown id.")
    @APIResponse(responseCode = "200", description = "VERIFIED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VerificationView.class)))
    @APIResponse(responseCode = "409", description = "VERIFICATION_NOT_SENT")
    @APIResponse(responseCode = "410", description = "VERIFICATION_EXPIRED")
    @APIResponse(responseCode = "422", description = "VERIFICATION_CODE_WRONG, with details.attemptsLeft")
    @APIResponse(responseCode = "423", description = "VERIFICATION_LOCKED after five wrong codes")
    public VerificationView check(@PathParam("id") final String id, final CheckCodeRequest request) {
        return service.check(id, request == null ? null : request.code());
    }

    /**
     * Reads a verification.
     *
     * @param id the verification id
     * @return its state
     */
    @GET
    @Path("{id}")
    @Operation(summary = "Read a phone verification")
    public VerificationView find(@PathParam("id") final String id) {
        return service.find(id);
    }
}
