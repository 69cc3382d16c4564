package org.safepassage.enrollment.ledger;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.safepassage.chaincode.model.Actors;

/**
 * The person a ledger write is made for: the identity provider's subject ({@code sub}) of whoever logged in through
 * OpenID Connect for the current request. It is pseudonymous (Keycloak's is a random UUID); who it is stays in the
 * agency's IdP. A service calling with HTTP Basic, or work done outside a request (the outbox retrying a write), has
 * no person, and the write is attributed to the service's ledger identity alone.
 */
@ApplicationScoped
public class ActingPerson {
    private final Instance<SecurityIdentity> identity;

    ActingPerson(final Instance<SecurityIdentity> identity) {
        this.identity = identity;
    }

    /** The current request's person, if one logged in at the IdP and its subject is a pseudonymous identifier. */
    public Optional<String> actor() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        final SecurityIdentity current = identity.get();
        if (current == null || current.isAnonymous() || !(current.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        // A subject that is not of the pseudonymous form (an IdP configured to use e-mail addresses) is not sent.
        return Optional.ofNullable(token.getSubject()).filter(Actors::valid);
    }
}
