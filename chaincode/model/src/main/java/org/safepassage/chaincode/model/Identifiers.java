package org.safepassage.chaincode.model;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;

/**
 * Checks for the identifiers that travel as plain arguments (path parameters, single-argument transactions), with the
 * same rules the records apply.
 */
public final class Identifiers {
    /** The form of an opaque id (see {@link #requireOpaqueId}), as a regular expression the services' API documents declare too. */
    public static final String OPAQUE_ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_-]{15,63}$";
    /** The form of a ledger-minted id (see {@link #requireLedgerId}), as a regular expression. */
    public static final String LEDGER_ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.:-]{7,127}$";

    private Identifiers() {}

    /**
     * An opaque id minted off-chain (subject, guardian, companion, erasure request): 16-64 URL-safe characters.
     *
     * @throws IllegalArgumentException naming {@code field} if the value is absent or malformed
     */
    public static String requireOpaqueId(final String field, final String value) {
        return Require.opaqueId(field, value);
    }

    /**
     * Whether {@code value} has the form of an opaque id ({@link #requireOpaqueId}), for a service that answers a
     * malformed one with its own error rather than an exception.
     */
    public static boolean isOpaqueId(final String value) {
        return Require.isOpaqueId(value);
    }

    /**
     * An id minted by the ledger (crossing request, crossing, trip, alert): a transaction id.
     *
     * @throws IllegalArgumentException naming {@code field} if the value is absent or malformed
     */
    public static String requireLedgerId(final String field, final String value) {
        return Require.ledgerId(field, value);
    }

    /**
     * A hex-encoded 32-byte value such as a commitment or an evidence hash.
     *
     * @throws IllegalArgumentException naming {@code field} if the value is absent or malformed
     */
    public static String requireSha256Hex(final String field, final String value) {
        return Require.sha256Hex(field, value);
    }

    /**
     * The common name (CN) of an X.500 distinguished name such as a certificate's subject: how the ledger and the
     * gateway name a member (a post terminal, an officer). The whole name when it has no CN or does not parse.
     */
    public static String commonName(final String distinguishedName) {
        try {
            return new LdapName(distinguishedName).getRdns().stream()
                    .filter(rdn -> "CN".equalsIgnoreCase(rdn.getType()))
                    .map(rdn -> rdn.getValue().toString())
                    .findFirst()
                    .orElse(distinguishedName);
        } catch (InvalidNameException e) {
            return distinguishedName;
        }
    }
}
