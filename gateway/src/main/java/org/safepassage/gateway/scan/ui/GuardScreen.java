package org.safepassage.gateway.scan.ui;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safepassage.gateway.terminal.CurrentTerminal;
import org.safepassage.gateway.terminal.TerminalView;

/**
 * The border guard's screen. The page is rendered for the terminal presenting the certificate (post and role in the
 * header; the override form only for a supervisor) and then talks to the same JSON API as any terminal, so it has no
 * powers of its own.
 */
@Path("/guard")
@Tag(name = "screens", description = "Web screens")
@RolesAllowed({"guard", "supervisor"})
public class GuardScreen {
    private final CurrentTerminal terminal;

    GuardScreen(final CurrentTerminal terminal) {
        this.terminal = terminal;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance guard(TerminalView terminal, boolean supervisor);
    }

    /** @return the guard's screen for this terminal */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The guard's screen", hidden = true)
    public TemplateInstance page() {
        final TerminalView view = TerminalView.of(terminal.get());
        return Templates.guard(view, "supervisor".equals(view.role()));
    }
}
