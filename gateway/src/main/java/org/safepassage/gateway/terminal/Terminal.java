package org.safepassage.gateway.terminal;

import java.util.Objects;
import org.safepassage.chaincode.model.Actors;

/**
 * An authenticated terminal or supervisor's terminal: who presented the certificate, the post it stands at, the ledger
 * identity the gateway acts as on its behalf, and the person logged in at it.
 *
 * @param name the certificate's common name
 * @param post the border post, e.g. {@code MD-LEUSENI}
 * @param ledgerUser the ledger user folder of the border organisation, e.g. {@code guard}
 * @param role the certificate's role, {@code guard} or {@code supervisor}
 * @param actor the person at the terminal: her pseudonymous subject at the identity provider ({@code sub}), the actor
 *     of every ledger write made for her; null only while the certificate alone has been mapped
 */
public record Terminal(String name, String post, String ledgerUser, String role, String actor) {
    /** The security-identity attribute holding the terminal. */
    public static final String ATTRIBUTE = "safepassage.terminal";

    /** Checks every component is present, and the actor, if any, of the pseudonymous form. */
    public Terminal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(ledgerUser, "ledgerUser");
        Objects.requireNonNull(role, "role");
        if (actor != null) {
            Actors.require(actor);
        }
    }

    /**
     * This terminal with a person logged in at it.
     *
     * @param person the person's pseudonymous subject
     * @return the terminal, attended
     */
    public Terminal attendedBy(final String person) {
        return new Terminal(name, post, ledgerUser, role, Objects.requireNonNull(person, "person"));
    }
}
