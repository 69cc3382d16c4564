package org.safepassage.gateway.scan.ui;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safepassage.gateway.terminal.CurrentTerminal;
import org.safepassage.gateway.terminal.TerminalView;
import org.safepassage.service.api.ApiException;

/**
 * The border guard's screen. The page is rendered for the terminal presenting the certificate and the person logged
 * in at it (post and role in the header; the override form only for a border supervisor at a supervisor's terminal)
 * and then talks to the same JSON API as any terminal, with the person's session, so it has no powers of its own.
 * Without a person it sends the browser to {@code /guard/login}, which the code flow (PKCE) guards: the identity
 * provider's login page, then back here.
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

    /** @return the guard's screen for this terminal and person, or a redirect to the login */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The guard's screen", hidden = true)
    public Response page() {
        final TerminalView view;
        try {
            view = TerminalView.of(terminal.get());
        } catch (ApiException e) {
            if (e.status() == 401) {
                return Response.seeOther(URI.create("/guard/login")).build();
            }
            throw e;
        }
        final boolean supervisor = "supervisor".equals(view.role()) && terminal.supervisorLoggedIn();
        return Response.ok(Templates.guard(view, supervisor)).build();
    }

    /**
     * Where the identity provider's login page returns to; the code flow guards this path (application.properties).
     *
     * @return back to the screen
     */
    @GET
    @Path("/login")
    @PermitAll
    @Operation(summary = "Log in at the guard's screen", hidden = true)
    public Response login() {
        return Response.seeOther(URI.create("/guard/")).build();
    }
}
