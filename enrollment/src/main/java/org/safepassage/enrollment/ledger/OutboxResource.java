package org.safepassage.enrollment.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.service.api.ApiException;

/** The operators' view of the ledger outbox: what is set aside and why, and a retry once the cause is mended. */
@Path("/api/v1/outbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "outbox")
@RolesAllowed({"supervisor", "dpo"})
public class OutboxResource {
    private final LedgerOutbox outbox;

    OutboxResource(final LedgerOutbox outbox) {
        this.outbox = outbox;
    }

    /** How many entries are waiting to be retried, and every dead letter with its reason. */
    public record Overview(int pending, List<LedgerOutbox.Row> dead) {}

    @GET
    @Operation(summary = "The outbox's pending count and its dead letters")
    public Overview overview() {
        return new Overview(outbox.count(LedgerOutbox.State.PENDING), outbox.dead());
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Retry a dead letter", description = "204, or 404 NOT_FOUND if there is no such dead letter")
    @APIResponse(responseCode = "204", description = "Queued for another try")
    public void retry(@PathParam("id") final long id) {
        if (!outbox.requeue(id)) {
            throw new ApiException(Reason.NOT_FOUND, "no dead letter " + id);
        }
    }
}
