package org.safepassage.guardian.oversight.ui;

import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safepassage.chaincode.client.ChaincodeRefusedException;
import org.safepassage.chaincode.model.AlertResolution;
import org.safepassage.guardian.oversight.Oversight;

/**
 * The alerts screen's one action: an analyst concludes on an alert. JSON, called by the page's script, so a form on
 * another site cannot make an analyst's browser post it (a cross-site JSON request needs a CORS preflight, which this
 * service never grants).
 */
@Path("/analyst/api/alerts/{alertId}/acknowledgement")
@RolesAllowed("analyst")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "analyst screens", description = "HTML screens for the child-protection analyst")
public class AlertAcknowledgements {
    private final Oversight oversight;

    AlertAcknowledgements(final Oversight oversight) {
        this.oversight = oversight;
    }

    /** What the analyst concluded: one of {@link AlertResolution}. */
    /** What the answer says was recorded. */
    public record Acknowledged(String alertId, String resolution) {}

    public record Conclusion(@Schema(required = true, implementation = AlertResolution.class) String resolution) {}

    @POST
    @Operation(summary = "Acknowledge an alert", description = "Records the analyst's conclusion on the ledger "
            + "(CHILD_SAFE, FALSE_POSITIVE, CASE_OPENED or REFERRED_TO_POLICE); the alert leaves the open list.")
    @APIResponse(responseCode = "200", description = "Acknowledged on the ledger",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Acknowledged.class)))
    @APIResponse(responseCode = "400", description = "INVALID_RESOLUTION or INVALID_ALERT_ID")
    @APIResponse(responseCode = "409", description = "the ledger refused: the alert was already acknowledged")
    @APIResponse(responseCode = "422", description = "the ledger refused the acknowledgement")
    public Response acknowledge(@PathParam("alertId") final String alertId, final Conclusion conclusion) {
        final AlertResolution resolution = resolution(conclusion);
        if (resolution == null) {
            return error(400, "INVALID_RESOLUTION", "Choose what was concluded: one of "
                    + Arrays.toString(AlertResolution.values()) + ".");
        }
        try {
            oversight.acknowledge(alertId, resolution);
        } catch (IllegalArgumentException e) {
            return error(400, "INVALID_ALERT_ID", "This is not an alert id.");
        } catch (ChaincodeRefusedException e) {
            return error(e.getCode().httpStatus(), e.getCode().name(), Oversight.problem(e));
        } catch (RuntimeException e) {
            return error(503, "LEDGER_UNAVAILABLE", Oversight.problem(e));
        }
        return Response.ok(new Acknowledged(alertId, resolution.name())).build();
    }

    private static AlertResolution resolution(final Conclusion conclusion) {
        if (conclusion == null || conclusion.resolution() == null) {
            return null;
        }
        return Arrays.stream(AlertResolution.values()).filter(r -> r.name().equals(conclusion.resolution()))
                .findFirst().orElse(null);
    }

    private static Response error(final int status, final String code, final String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("code", code, "message", message)).build();
    }
}
