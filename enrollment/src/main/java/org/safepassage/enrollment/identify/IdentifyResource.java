package org.safepassage.enrollment.identify;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safepassage.enrollment.audit.AccessAudit;
import org.safepassage.enrollment.audit.Purpose;
import org.safepassage.service.api.ApiException;

/** Internal: the border gateway's identification service. */
@Path("/internal/v1/identify")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("gateway")
@Tag(name = "internal")
public class IdentifyResource {
    private final IdentificationService identification;
    private final AccessAudit audit;

    IdentifyResource(final IdentificationService identification, final AccessAudit audit) {
        this.identification = identification;
        this.audit = audit;
    }

    @POST
    @Operation(summary = "Identify a scanned person, 1:1 or 1:N, with the commitment checked against the ledger")
    @APIResponse(responseCode = "200", description = "The outcome (MATCH, NO_MATCH, ...)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Identification.class)))
    @APIResponse(responseCode = "422", description = "FINGERPRINT_REJECTED: an image could not be used")
    @APIResponse(responseCode = "503", description = "GALLERY_NOT_READY while the gallery loads, IDENTIFY_BUSY when "
            + "as many searches as run at once are already running (retry), or LEDGER_UNAVAILABLE")
    public Identification identify(final IdentifyRequest request) {
        if (request == null) {
            throw ApiException.invalid("body", "is required");
        }
        final Identification answer = identification.identify(request);
        if (answer.outcome() == Identification.Outcome.MATCH) {
            // The templates and salt were decrypted to answer with this person: a read, whatever the integrity.
            audit.record(Purpose.IDENTIFY, answer.subjectId(), (request.subjectId() == null ? "1:N" : "1:1")
                    + " fingerprint match, templates and salt for the commitment check; integrity "
                    + answer.integrity());
        }
        return answer;
    }
}
