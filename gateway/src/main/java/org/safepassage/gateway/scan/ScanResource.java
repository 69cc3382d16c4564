package org.safepassage.gateway.scan;

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

/** Scans at a border-post terminal. */
@Path("/api/v1/scans")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scans", description = "Identify a person at the post and decide")
@RolesAllowed({"guard", "supervisor"})
public class ScanResource {
    private final ScanService scans;
    private final CurrentTerminal terminal;

    ScanResource(final ScanService scans, final CurrentTerminal terminal) {
        this.scans = scans;
        this.terminal = terminal;
    }

    /**
     * Identifies the scanned person, records the scan on the ledger as this post and returns one decision.
     *
     * @param scan fingerprint images, optional card reference, direction and companion document
     * @return CLEAR, GUARDIAN_APPROVAL_NEEDED (with the request id), ALERT or NOT_ENROLLED
     */
    @POST
    @Operation(summary = "Scan a person", description = "Identify through enrollment, RecordScan, decide. The companion's "
            + "document number is turned into an opaque keyed reference and never stored or sent to the ledger.")
    @APIResponse(responseCode = "200", description = "One decision: CLEAR, GUARDIAN_APPROVAL_NEEDED, ALERT or NOT_ENROLLED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScanDecision.class)))
    @APIResponse(responseCode = "422", description = "IDENTIFICATION_REFUSED: enrollment could not use the images")
    @APIResponse(responseCode = "503", description = "ENROLLMENT_UNAVAILABLE, LEDGER_UNAVAILABLE, GALLERY_NOT_READY "
            + "or IDENTIFY_BUSY (details.retryAfterSeconds): nothing was decided; scan again")
    public ScanDecision scan(final ScanRequest scan) {
        return scans.scan(terminal.get(), scan);
    }
}
