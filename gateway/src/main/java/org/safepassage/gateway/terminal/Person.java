package org.safepassage.gateway.terminal;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.safepassage.chaincode.model.Actors;

/**
 * A person logged in at the identity provider: her subject ({@code sub}), pseudonymous (Keycloak's is a random UUID),
 * and her realm roles. Who she is stays in the agency's IdP.
 */
record Person(String subject, Set<String> roles) {
    boolean hasRole(final String role) {
        return roles.contains(role);
    }

    /** The person an identity authenticated by a token names; empty for a certificate or a malformed subject. */
    static Optional<Person> of(final SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        // A subject that is not of the pseudonymous form (an IdP configured to use e-mail addresses) is not accepted.
        return Optional.ofNullable(token.getSubject()).filter(Actors::valid)
                .map(subject -> new Person(subject, Set.copyOf(identity.getRoles())));
    }
}
