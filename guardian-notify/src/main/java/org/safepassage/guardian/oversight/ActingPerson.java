package org.safepassage.guardian.oversight;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.safepassage.chaincode.model.Actors;

/**
 * The analyst a ledger write is made for: the identity provider's subject ({@code sub}) of whoever logged in through
 * OpenID Connect for the current request, as enrollment's officers are named (docs/identity.md, attribution). It is
 * pseudonymous (Keycloak's is a random UUID); who it is stays in the agency's IdP. Outside a request, or for a caller
 * without a token (this module's tests, which run without an IdP), there is no person, and the write is attributed to
 * the analyst identity alone.
 */
@ApplicationScoped
class ActingPerson {
    private final Instance<SecurityIdentity> identity;

    ActingPerson(final Instance<SecurityIdentity> identity) {
        this.identity = identity;
    }

    /** The current request's person, if one logged in at the IdP and her subject is a pseudonymous identifier. */
    Optional<String> actor() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        return actorOf(identity.get());
    }

    /** The pseudonymous subject of an identity that logged in with a token; empty for anyone else. */
    static Optional<String> actorOf(final SecurityIdentity current) {
        if (current == null || current.isAnonymous() || !(current.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        // A subject that is not of the pseudonymous form (an IdP configured to use e-mail addresses) is not sent.
        return Optional.ofNullable(token.getSubject()).filter(Actors::valid);
    }
}
