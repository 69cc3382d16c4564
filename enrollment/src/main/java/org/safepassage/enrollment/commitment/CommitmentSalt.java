package org.safepassage.enrollment.commitment;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * A subject's commitment salt: 32 random bytes, kept off-chain in the vault. Erasing it (with the template) makes
 * the on-chain commitment unlinkable; a new salt renews the commitment.
 *
 * @param bytes the 32 salt bytes
 */
public record CommitmentSalt(byte[] bytes) {
    /** Length of a salt in bytes. */
    public static final int BYTES = 32;

    /**
     * Checks the length and copies the bytes.
     *
     * @throws NullPointerException if {@code bytes} is {@code null}
     * @throws IllegalArgumentException if it is not 32 bytes long
     */
    public CommitmentSalt {
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("salt must be " + BYTES + " bytes, not " + bytes.length);
        }
    }

    /**
     * A fresh random salt.
     *
     * @param random the generator; a {@link SecureRandom}
     * @return the salt
     */
    public static CommitmentSalt random(final SecureRandom random) {
        final byte[] bytes = new byte[BYTES];
        Objects.requireNonNull(random, "random").nextBytes(bytes);
        return new CommitmentSalt(bytes);
    }

    /**
     * The salt bytes.
     *
     * @return a copy
     */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof CommitmentSalt that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }

    /** Never prints the salt: together with a template it links a person to the ledger. */
    @Override
    public String toString() {
        return "CommitmentSalt[32 bytes]";
    }
}
