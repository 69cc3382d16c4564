package org.safepassage.gateway.terminal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The calling terminal, as its client certificate and the configuration make it. */
@Path("/api/v1/terminal")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "terminal", description = "Who this terminal is")
@RolesAllowed({"guard", "supervisor"})
public class TerminalResource {
    private final CurrentTerminal terminal;

    TerminalResource(final CurrentTerminal terminal) {
        this.terminal = terminal;
    }

    /** @return the post and role of the terminal presenting the certificate */
    @GET
    @Operation(summary = "This terminal", description = "Post and role of the client certificate's terminal.")
    public TerminalView read() {
        return TerminalView.of(terminal.get());
    }
}
