package org.safepassage.enrollment.erasure;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.enrollment.ledger.RegistryLedger;
import org.safepassage.service.api.ApiException;

/** Erasure, for the data-protection officer alone. */
@Path("/api/v1/erasures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("dpo")
@Tag(name = "erasure")
public class ErasureResource {
    private final ErasureService erasure;
    private final RegistryLedger ledger;

    ErasureResource(final ErasureService erasure, final RegistryLedger ledger) {
        this.erasure = erasure;
        this.ledger = ledger;
    }

    @POST
    @Operation(summary = "Erase a subject on a verified request",
            description = "Destroys the data key and every row naming the subject at once; 200 with the signed "
                    + "certificate when the ledger tombstone is written, 202 while the tombstone is being retried.")
    @APIResponse(responseCode = "200", description = "Erased; the signed certificate is in the answer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErasureService.ErasureStatus.class)))
    @APIResponse(responseCode = "202", description = "Erased here; the ledger tombstone is being retried",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErasureService.ErasureStatus.class)))
    @APIResponse(responseCode = "404", description = "SUBJECT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "the subject's ledger registration is still pending (LEDGER_PENDING)")
    public Response erase(final ErasureService.ErasureRequest request) {
        if (request == null) {
            throw ApiException.invalid("body", "is required");
        }
        final ErasureService.ErasureStatus status = erasure.erase(request);
        return Response.status(status.certificate() != null ? 200 : 202).entity(status).build();
    }

    @GET
    @Path("/{subjectId}")
    public ErasureService.ErasureStatus status(@PathParam("subjectId") final String subjectId) {
        return erasure.status(subjectId)
                .orElseThrow(() -> new ApiException(Reason.SUBJECT_NOT_FOUND, "no erasure of this subject"));
    }

    /** The result of checking a certificate someone presents. */
    public record Verdict(boolean valid) {}

    @POST
    @Path("/verification")
    @RolesAllowed({"dpo", "supervisor"})
    @Operation(summary = "Check an erasure certificate's signature against the registry's CA")
    public Verdict verify(final SignedErasureCertificate certificate) {
        if (certificate == null || certificate.certificate() == null) {
            throw ApiException.invalid("body", "an erasure certificate is required");
        }
        return new Verdict(ErasureCertificates.verify(certificate, ledger.registryCa()));
    }
}
