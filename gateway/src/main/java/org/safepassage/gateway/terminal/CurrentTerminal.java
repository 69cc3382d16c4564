package org.safepassage.gateway.terminal;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safepassage.service.api.ApiException;

/**
 * The terminal of the current request, as {@link TerminalIdentityAugmentor} mapped it, and the person logged in at it.
 * A certificate alone may do nothing: the request also carries a person's login at the identity provider (a bearer
 * access token, or the guard's screen's session), whose realm role is {@value #GUARD} or {@value #SUPERVISOR}.
 */
@RequestScoped
public class CurrentTerminal {
    /** The realm role of a border guard. */
    public static final String GUARD = "guard";
    /** The realm role of a border supervisor: she alone may override. */
    public static final String SUPERVISOR = "border-supervisor";

    private final SecurityIdentity identity;

    CurrentTerminal(final SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * The caller: the terminal, attended by a guard or a border supervisor.
     *
     * @return the terminal, its {@link Terminal#actor()} the person's pseudonymous subject
     * @throws ApiException 403 if the caller is no configured terminal; 401 {@code PERSON_LOGIN_REQUIRED} without a
     *     person's login; 403 {@code PERSON_ROLE_REQUIRED} if she is neither guard nor border supervisor
     */
    public Terminal get() {
        final Terminal terminal = identity.getAttribute(Terminal.ATTRIBUTE);
        if (terminal == null) {
            throw new ApiException(403, "FORBIDDEN", "the client certificate names no configured terminal", null);
        }
        final Person person = person().orElseThrow(() -> new ApiException(PersonRefusal.PERSON_LOGIN_REQUIRED,
                "a terminal certificate is not enough: log in as yourself (a guard's or border supervisor's access "
                        + "token from the identity provider)"));
        if (!person.hasRole(GUARD) && !person.hasRole(SUPERVISOR)) {
            throw new ApiException(PersonRefusal.PERSON_ROLE_REQUIRED,
                    "the person logged in is neither a guard nor a border supervisor");
        }
        return terminal.attendedBy(person.subject());
    }

    /**
     * The caller, for a supervisor's act: the terminal attended by a person with the border-supervisor role.
     *
     * @return the terminal
     * @throws ApiException as {@link #get()}, and 403 {@code SUPERVISOR_LOGIN_REQUIRED} if the person logged in is not
     *     a border supervisor
     */
    public Terminal supervisor() {
        final Terminal terminal = get();
        if (!person().map(p -> p.hasRole(SUPERVISOR)).orElse(false)) {
            throw new ApiException(PersonRefusal.SUPERVISOR_LOGIN_REQUIRED,
                    "only a border supervisor logged in as herself may override");
        }
        return terminal;
    }

    /** Whether the person logged in, if any, is a border supervisor. */
    public boolean supervisorLoggedIn() {
        return person().map(p -> p.hasRole(SUPERVISOR)).orElse(false);
    }

    /** The person logged in at the identity provider for this request, if any. */
    Optional<Person> person() {
        // Both mechanisms ran (inclusive authentication): the injected identity is the terminal's (mutual TLS), the
        // person's, if she sent a token or has a session, is among the request's other identities.
        final List<SecurityIdentity> candidates = new ArrayList<>();
        candidates.add(identity);
        final Map<String, SecurityIdentity> others = HttpSecurityUtils.getSecurityIdentities(identity);
        if (others != null) {
            candidates.addAll(others.values());
        }
        return candidates.stream().map(Person::of).flatMap(Optional::stream).findFirst();
    }
}
