package org.safepassage.enrollment.audit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Who is acting: the one place the audit learns the person (or service account) behind a request. Today the name of
 * the current security identity, so it follows whatever the log-in is (HTTP Basic users now, the identity provider's
 * subject once OpenID Connect replaces them).
 */
@ApplicationScoped
public class ActingPerson {
    /** Recorded when a read happens outside any request (none does today). */
    static final String NOBODY = "(no identity)";

    private final Instance<SecurityIdentity> identity;

    ActingPerson(final Instance<SecurityIdentity> identity) {
        this.identity = identity;
    }

    /** The acting person's name as the security layer knows it. */
    public String name() {
        if (!identity.isResolvable()) {
            return NOBODY;
        }
        final SecurityIdentity current = identity.get();
        return current == null || current.isAnonymous() ? NOBODY : current.getPrincipal().getName();
    }
}
