package org.safepassage.enrollment.vault;

import java.util.Objects;

/** Creates {@link KeyEncryptionKey}s. */
public final class KeyEncryptionKeys {
    private KeyEncryptionKeys() {}

    /**
     * A KEK held in process memory, from a configured base64 256-bit AES key; wraps with AES Key Wrap (RFC 3394,
     * AES-256), whose integrity check rejects a wrapped key that was altered or made under another KEK.
     *
     * @param keyId the id recorded beside every key this KEK wraps
     * @param base64Key the configured key, e.g. from {@code safepassage.vault.kek}
     * @return the KEK
     * @throws KeyConfigurationException if the id or key is missing, malformed or weak
     */
    public static KeyEncryptionKey fromBase64(final String keyId, final String base64Key) {
        Objects.requireNonNull(keyId, "keyId");
        KeyMaterial.requireKeyId("key-encryption key id", keyId);
        return new AesKeyWrapKek(keyId, KeyMaterial.decode256("key-encryption key " + keyId, base64Key));
    }
}
