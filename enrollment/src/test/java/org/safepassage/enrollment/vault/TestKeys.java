package org.safepassage.enrollment.vault;

import java.security.SecureRandom;
import java.util.Base64;

/** Random 256-bit keys in the configuration format, for tests. */
final class TestKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {}

    static String randomBase64Key() {
        final byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static KeyEncryptionKey randomKek(final String keyId) {
        return KeyEncryptionKeys.fromBase64(keyId, randomBase64Key());
    }
}
