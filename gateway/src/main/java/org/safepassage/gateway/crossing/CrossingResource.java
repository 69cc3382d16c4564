package org.safepassage.gateway.crossing;

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
import org.safepassage.gateway.terminal.CurrentTerminal;

/** Crossings of people a scan cleared (no guardian request involved). */
@Path("/api/v1/crossings")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "crossings", description = "Record the crossing of a cleared person")
@RolesAllowed({"guard", "supervisor"})
public class CrossingResource {
    private final CrossingService crossings;
    private final CurrentTerminal terminal;

    CrossingResource(final CrossingService crossings, final CurrentTerminal terminal) {
        this.crossings = crossings;
        this.terminal = terminal;
    }

    /**
     * Records the crossing of a person a scan answered CLEAR.
     *
     * @param input the scan's subject, companion and trip, the direction and the outcome
     * @return the recorded crossing
     */
    @POST
    @Operation(summary = "Record a cleared crossing", description = "Basis PREAUTHORISED with the scan's tripId, else "
            + "NOT_REQUIRED; the ledger refuses an ALLOWED crossing of a protected minor without a valid basis (422).")
    @APIResponse(responseCode = "200", description = "The recorded crossing",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CrossingView.class)))
    @APIResponse(responseCode = "404", description = "SUBJECT_NOT_FOUND: the ledger has no such subject")
    @APIResponse(responseCode = "409", description = "the crossing conflicts with one recorded (the ledger's code)")
    @APIResponse(responseCode = "422", description = "the ledger refuses: a protected minor without a valid basis")
    public CrossingView record(final ClearedCrossingInput input) {
        return crossings.recordCleared(terminal.get(), input);
    }
}
