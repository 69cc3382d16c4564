package org.safepassage.gateway.terminal;

/**
 * What a terminal may know about itself: the screen's header shows it, and the roles decide whether the supervisor's
 * override is offered. The ledger identity the gateway acts as stays on the server.
 *
 * @param name the certificate's common name
 * @param post the border post, e.g. {@code MD-LEUSENI}
 * @param role the certificate's role, {@code guard} or {@code supervisor}
 * @param actor the person logged in at the terminal: her pseudonymous subject at the identity provider, the actor the
 *     ledger records for her writes
 */
public record TerminalView(String name, String post, String role, String actor) {
    /**
     * The view of an authenticated terminal.
     *
     * @param terminal the terminal
     * @return its view
     */
    public static TerminalView of(final Terminal terminal) {
        return new TerminalView(terminal.name(), terminal.post(), terminal.role(), terminal.actor());
    }
}
