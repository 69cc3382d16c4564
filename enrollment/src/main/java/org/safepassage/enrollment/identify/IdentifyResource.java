package org.safepassage.enrollment.identify;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safepassage.service.api.ApiException;

/** Internal: the border gateway's identification service. */
@Path("/internal/v1/identify")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("gateway")
@Tag(name = "internal")
public class IdentifyResource {
    private final IdentificationService identification;

    IdentifyResource(final IdentificationService identification) {
        this.identification = identification;
    }

    @POST
    @Operation(summary = "Identify a scanned person, 1:1 or 1:N, with the commitment checked against the ledger")
    public Identification identify(final IdentifyRequest request) {
        if (request == null) {
            throw ApiException.invalid("body", "is required");
        }
        return identification.identify(request);
    }
}
