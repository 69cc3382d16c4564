package org.safepassage.gateway.terminal;

import java.util.Objects;

/**
 * An authenticated terminal or supervisor: who presented the certificate, the post it stands at and the ledger identity
 * the gateway acts as on its behalf.
 *
 * @param name the certificate's common name
 * @param post the border post, e.g. {@code MD-LEUSENI}
 * @param ledgerUser the ledger user folder of the border organisation, e.g. {@code guard}
 * @param role {@code guard} or {@code supervisor}
 */
public record Terminal(String name, String post, String ledgerUser, String role) {
    /** The security-identity attribute holding the terminal. */
    public static final String ATTRIBUTE = "safepassage.terminal";

    /** Checks every component is present. */
    public Terminal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(ledgerUser, "ledgerUser");
        Objects.requireNonNull(role, "role");
    }
}
