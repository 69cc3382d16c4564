package org.safepassage.guardian.oversight.ui;

import jakarta.annotation.security.RolesAllowed;
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
    public record Conclusion(String resolution) {}

    @POST
    @Operation(summary = "Acknowledge an alert", description = "Records the analyst's conclusion on the ledger "
            + "(CHILD_SAFE, FALSE_POSITIVE, CASE_OPENED or REFERRED_TO_POLICE); the alert leaves the open list.")
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
        return Response.ok(Map.of("alertId", alertId, "resolution", resolution.name())).build();
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
