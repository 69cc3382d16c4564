package org.safepassage.chaincode.model;

import java.util.regex.Pattern;

/**
 * The person a write is attributed to: a pseudonymous identifier, such as the identity provider's subject
 * ({@code sub}) of the person who logged in to the service that signed the transaction. The service passes it in the
 * proposal's transient data under {@link #TRANSIENT_KEY}; the chaincode records it beside the transaction. It must
 * not be personal data: letters, digits and {@code . _ : -} only (so never an e-mail address or a name with spaces),
 * at most 128 characters.
 */
public final class Actors {
    /** The transient-data key a proposal names its actor under. */
    public static final String TRANSIENT_KEY = "actor";

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

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
}
