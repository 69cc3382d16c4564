package org.safepassage.enrollment.vault;

/**
 * A key-encryption key (KEK): wraps and unwraps subjects' data keys and never reveals itself.
 *
 * <p>The configuration-backed implementation comes from {@link KeyEncryptionKeys#fromBase64(String, String)}; a
 * PKCS#11 HSM implements the same three methods with a non-extractable key ({@code CKM_AES_KEY_WRAP}). The key id is
 * stored beside every wrapped key so the KEK can rotate: old wrapped keys name the KEK that can open them.
 *
 * <p>Implementations must be thread-safe and must not expose key material in {@code toString()}.
 */
public interface KeyEncryptionKey {
    /**
     * Names this KEK; stored with each wrapped key it produced.
     *
     * @return a short printable id, e.g. {@code kek-2026-11}
     */
    String keyId();

    /**
     * Wraps a data key.
     *
     * @param dataKey the 32-byte data key; not modified
     * @return the wrapped key, safe to store
     * @throws NullPointerException if {@code dataKey} is {@code null}
     */
    byte[] wrap(byte[] dataKey);

    /**
     * Unwraps a data key wrapped by {@link #wrap(byte[])} of this KEK.
     *
     * @param wrappedKey the stored wrapped key
     * @return the 32-byte data key; the caller clears it after use
     * @throws VaultException with {@link VaultException.Reason#KEY_UNWRAP_FAILED} if the wrapped key was altered or
     *     wrapped by another KEK
     */
    byte[] unwrap(byte[] wrappedKey);
}
