package org.safepassage.enrollment.vault;

import java.util.Objects;

/** A vault operation failed; {@link #reason()} says why in a form callers can map to an API error. */
public final class VaultException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a vault operation failed. */
    public enum Reason {
        /** The subject has no data key: never created, or destroyed by erasure (crypto-shredded). */
        NO_SUBJECT_KEY,
        /** A data key already exists for the subject; creating another would orphan its ciphertexts. */
        SUBJECT_KEY_EXISTS,
        /** The wrapped data key names a KEK this vault does not hold. */
        UNKNOWN_KEK,
        /** The wrapped data key did not unwrap: altered, or not made by the KEK it names. */
        KEY_UNWRAP_FAILED,
        /** The ciphertext or wrapped key starts with a format version this code does not know. */
        UNSUPPORTED_VERSION,
        /** The ciphertext is too short to be one. */
        MALFORMED_CIPHERTEXT,
        /**
         * Authentication failed: the ciphertext was altered, or belongs to another subject, field or data key.
         */
        AUTHENTICATION_FAILED
    }

    /** Why the operation failed; part of the serial form. */
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason why the operation failed
     * @param message details, without personal data or key material
     */
    public VaultException(final Reason reason, final String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Why the operation failed.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
