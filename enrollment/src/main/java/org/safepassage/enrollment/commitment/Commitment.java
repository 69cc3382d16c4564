package org.safepassage.enrollment.commitment;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A biometric commitment as written on the ledger.
 *
 * @param scheme the scheme id, e.g. {@code fp-v1} (the ledger's {@code CommitmentScheme} id)
 * @param value 64 lower-case hex digits (32 bytes), the ledger's {@code commitment} format
 * @param pepperId the id of the pepper it was computed with; kept off-chain so pepper rotation can be planned
 */
public record Commitment(String scheme, String value, String pepperId) {
    private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * Checks every component.
     *
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if {@code value} is not 64 lower-case hex digits
     */
    public Commitment {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(pepperId, "pepperId");
        if (!isHex256(Objects.requireNonNull(value, "value"))) {
            throw new IllegalArgumentException("commitment must be 64 lower-case hex digits");
        }
    }

    static boolean isHex256(final String value) {
        return HEX_256.matcher(value).matches();
    }
}
