package org.safepassage.enrollment.vault;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Reads 256-bit secrets (key-encryption keys, the commitment pepper) from configuration and refuses missing,
 * malformed or obviously weak ones with a message that names the setting but never echoes the secret.
 */
public final class KeyMaterial {
    /** Length in bytes of every symmetric secret the vault and the commitment scheme accept. */
    public static final int KEY_BYTES = 32;

    /*
     * A uniformly random 32-byte key has about 30 distinct byte values; fewer than 16 means a hand-typed or patterned
     * value (all zeros, "aaaa...", a repeated short string). The chance that a real random key trips this is below
     * 1e-9, so refusing is safe.
     */
    private static final int MIN_DISTINCT_BYTES = 16;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private KeyMaterial() {}

    /**
     * Decodes a base64 (standard alphabet, padded or not) 256-bit secret.
     *
     * @param setting the configuration key the value came from, used in error messages
     * @param base64 the configured value; may be {@code null} when the setting is missing
     * @return the 32 decoded bytes; the caller owns the array and should clear it when done
     * @throws KeyConfigurationException if the value is missing, not base64, not 32 bytes or visibly non-random
     */
    public static byte[] decode256(final String setting, final String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new KeyConfigurationException(setting + " is not set: configure a base64-encoded random 256-bit key"
                    + " (e.g. `openssl rand -base64 32`)");
        }
        final byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new KeyConfigurationException(setting + " is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            final int length = key.length;
            java.util.Arrays.fill(key, (byte) 0);
            throw new KeyConfigurationException(setting + " must decode to " + KEY_BYTES + " bytes (256 bits), not "
                    + length);
        }
        final boolean[] seen = new boolean[256];
        int distinct = 0;
        for (final byte b : key) {
            if (!seen[b & 0xff]) {
                seen[b & 0xff] = true;
                distinct++;
            }
        }
        if (distinct < MIN_DISTINCT_BYTES) {
            java.util.Arrays.fill(key, (byte) 0);
            throw new KeyConfigurationException(setting + " looks non-random (only " + distinct
                    + " distinct byte values): generate it with a cryptographic random generator");
        }
        return key;
    }

    /**
     * Checks a key id: 1 to 64 characters from {@code A-Z a-z 0-9 . _ : -}, so it can be stored beside every wrapped
     * key and named in logs.
     *
     * @param setting the configuration key the id came from, used in error messages
     * @param keyId the id to check
     * @return {@code keyId}
     * @throws KeyConfigurationException if the id is missing or malformed
     */
    public static String requireKeyId(final String setting, final String keyId) {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new KeyConfigurationException(setting + " must be 1-64 characters of A-Z a-z 0-9 . _ : -");
        }
        return keyId;
    }
}
