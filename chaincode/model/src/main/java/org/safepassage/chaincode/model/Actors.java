package org.safepassage.chaincode.model;

import java.util.regex.Pattern;

/**
 * The person a write is attributed to: a pseudonymous identifier, such as the identity provider's subject
 * ({@code sub}) of the person who logged in to the service that signed the transaction. The service passes it in the
 * proposal's transient data under {@link #TRANSIENT_KEY}; the chaincode records it beside the transaction. It must
 * not be personal data: letters, digits and {@code . _ : -} only (so never an e-mail address or a name with spaces),
 * at most 128 characters.
 *
 * <p>A write no person asked for (a red flag, an anchor, a guardian's SMS reply relayed) names the service that made
 * it, as {@code service:<name>} ({@link #service(String)}): pseudonymous too, and never a person's, since the services
 * refuse a person's subject that begins with {@link #SERVICE_PREFIX}.
 */
public final class Actors {
    /** The transient-data key a proposal names its actor under. */
    public static final String TRANSIENT_KEY = "actor";

    /** What a service's own actor begins with; no person's subject may. */
    public static final String SERVICE_PREFIX = "service:";

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private Actors() {}

    /** Whether {@code actor} has the form of a pseudonymous identifier. */
    public static boolean valid(final String actor) {
        return actor != null && FORM.matcher(actor).matches();
    }

    /**
     * {@code actor}, checked.
     *
     * @throws IllegalArgumentException if it is not a pseudonymous identifier of the allowed form
     */
    public static String require(final String actor) {
        if (!valid(actor)) {
            throw new IllegalArgumentException("actor: a pseudonymous identifier (letters, digits, . _ : -; at most"
                    + " 128), not personal data");
        }
        return actor;
    }

    /**
     * The actor of a service's own writes: {@code service:<name>}.
     *
     * @param name the service's name, lower case letters, digits and {@code -} (e.g. {@code guardian-notify})
     * @return the service actor
     * @throws IllegalArgumentException if {@code name} is not of that form
     */
    public static String service(final String name) {
        if (name == null || !SERVICE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("service: lower case letters, digits and -, at most 64");
        }
        return SERVICE_PREFIX + name;
    }

    /** Whether {@code actor} names a service rather than a person. */
    public static boolean isService(final String actor) {
        return actor != null && actor.startsWith(SERVICE_PREFIX);
    }
}
