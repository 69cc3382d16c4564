package org.safepassage.gateway.terminal;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.safepassage.service.api.ApiException;

/** The terminal of the current request, as {@link TerminalIdentityAugmentor} mapped it. */
@RequestScoped
public class CurrentTerminal {
    private final SecurityIdentity identity;

    CurrentTerminal(final SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * The caller.
     *
     * @return the terminal
     * @throws ApiException 403 if the caller is no configured terminal
     */
    public Terminal get() {
        final Terminal terminal = identity.getAttribute(Terminal.ATTRIBUTE);
        if (terminal == null) {
            throw new ApiException(403, "FORBIDDEN", "the client certificate names no configured terminal", null);
        }
        return terminal;
    }
}
