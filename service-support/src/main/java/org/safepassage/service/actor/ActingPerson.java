package org.safepassage.service.actor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.security.credential.Credential;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.safepassage.chaincode.model.Actors;

/**
 * Who a service acts for, the one rule every service follows (docs/identity.md, attribution).
 *
 * <ul>
 *   <li>A ledger write names, as its {@link #actor() actor}: the person logged in for the current request, by the
 *       identity provider's pseudonymous subject ({@code sub}); else the person whose earlier request the current
 *       work carries out ({@link #onBehalfOf}, an outbox retry); else the service itself, as the pseudonymous
 *       {@link Actors#service(String) service actor} {@code service:<application name>} (a red flag, an anchor, a
 *       decision relayed from a guardian's SMS: nobody asked for it in a request).</li>
 *   <li>An audited read names the person as the security layer knows her ({@link #name()}).</li>
 * </ul>
 *
 * <p>The person's subject is read from the token she logged in with (a {@link TokenCredential} of the request's
 * identity, which the log-in mechanism has verified before the request reached any resource), so this needs no
 * OpenID Connect classes and works for any mechanism that authenticates by a JSON Web Token. A subject that is not a
 * pseudonymous identifier (an IdP configured to use e-mail addresses), or that poses as a service actor, is never
 * sent: such a request is attributed to the service.
 */
@ApplicationScoped
public class ActingPerson {
    /** What the audit records for a read outside any request, or by no one logged in. */
    public static final String NOBODY = "(no identity)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Instance<SecurityIdentity> identity;
    private final String service;
    // Work carried out for a person outside her request (the outbox's retries) runs on the worker's thread.
    private final ThreadLocal<String> carriedOutFor = new ThreadLocal<>();

    ActingPerson(final Instance<SecurityIdentity> identity,
            @ConfigProperty(name = "quarkus.application.name") final String application) {
        this.identity = identity;
        this.service = Actors.service(application);
    }

    /**
     * The actor a ledger write made now names: the person of the current request, else the person whose work this
     * is ({@link #onBehalfOf}), else {@link #service()}. Never empty, never personal data.
     *
     * @return a pseudonymous actor that {@link Actors#valid} accepts
     */
    public String actor() {
        final String carried = carriedOutFor.get();
        if (carried != null) {
            return carried;
        }
        return person().orElse(service);
    }

    /**
     * The person logged in for the current request, by her pseudonymous subject.
     *
     * @return empty outside a request, for anyone who did not log in with a token, or for a subject not of the
     *     pseudonymous form
     */
    public Optional<String> person() {
        return current().flatMap(ActingPerson::actorOf);
    }

    /** This service's own actor, {@code service:<quarkus.application.name>}, for the writes nobody asked for. */
    public String service() {
        return service;
    }

    /**
     * Does {@code work} for the actor recorded when it was asked for: every write it makes names that actor. Used by
     * work retried after the request that asked for it has gone (an outbox row keeps the actor of its request).
     *
     * @param actor the actor recorded with the work; null (or an invalid one, written before actors were kept) means
     *     the service
     * @param work what to do
     * @param <T> its result
     * @return the work's result
     */
    public <T> T onBehalfOf(final String actor, final Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        final String previous = carriedOutFor.get();
        carriedOutFor.set(Actors.valid(actor) ? actor : service);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                carriedOutFor.remove();
            } else {
                carriedOutFor.set(previous);
            }
        }
    }

    /**
     * The acting person's name as the security layer knows it, for the access audit: the principal's name (the
     * {@code preferred_username} of a token, {@code service-account-<client>} for a service's own token).
     *
     * @return the name, or {@link #NOBODY} outside a request or for an anonymous caller
     */
    public String name() {
        return current().filter(who -> !who.isAnonymous()).map(who -> who.getPrincipal().getName()).orElse(NOBODY);
    }

    /**
     * The pseudonymous subject of an identity that logged in with a JSON Web Token.
     *
     * @param who the request's identity, or null
     * @return the token's {@code sub} if it is of the allowed form and no service actor; empty for anyone else
     */
    public static Optional<String> actorOf(final SecurityIdentity who) {
        if (who == null || who.isAnonymous()) {
            return Optional.empty();
        }
        for (Credential credential : who.getCredentials()) {
            if (credential instanceof TokenCredential token) {
                final Optional<String> subject = subjectOf(token.getToken());
                if (subject.isPresent()) {
                    return subject.filter(ActingPerson::personal);
                }
            }
        }
        return Optional.empty();
    }

    // A person's subject must look pseudonymous and must not pose as a service.
    private static boolean personal(final String subject) {
        return Actors.valid(subject) && !Actors.isService(subject);
    }

    private static Optional<String> subjectOf(final String token) {
        final String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty(); // an opaque token: no claims to read here
        }
        try {
            final JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
            final JsonNode sub = claims.path("sub");
            return sub.isTextual() ? Optional.of(sub.asText()) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<SecurityIdentity> current() {
        final var container = Arc.container();
        if (container == null || !identity.isResolvable() || !container.requestContext().isActive()) {
            return Optional.empty();
        }
        return Optional.ofNullable(identity.get());
    }
}
