package org.safepassage.enrollment.commitment;

import java.util.Objects;
import org.safepassage.enrollment.vault.KeyMaterial;

/** Creates {@link Pepper}s. */
public final class Peppers {
    private Peppers() {}

    /**
     * A pepper held in process memory, from a configured base64 256-bit random value.
     *
     * @param keyId the pepper's id, recorded with each commitment
     * @param base64Pepper the configured value, e.g. from {@code safepassage.commitment.pepper}
     * @return the pepper
     * @throws org.safepassage.enrollment.vault.KeyConfigurationException if the id or value is missing, malformed or
     *     weak
     */
    public static Pepper fromBase64(final String keyId, final String base64Pepper) {
        Objects.requireNonNull(keyId, "keyId");
        KeyMaterial.requireKeyId("pepper id", keyId);
        return new HmacPepper(keyId, KeyMaterial.decode256("commitment pepper " + keyId, base64Pepper));
    }
}
