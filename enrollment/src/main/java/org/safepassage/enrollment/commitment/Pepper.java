package org.safepassage.enrollment.commitment;

/**
 * The system pepper: a secret shared by all commitments of a deployment and held like a key.
 *
 * <p>The pepper is only ever used through HMAC-SHA256 over a purpose label, never handed out raw, so an HSM can keep
 * it as a non-extractable key ({@code CKM_SHA256_HMAC}) and the commitment code stays the same. The configuration
 * implementation comes from {@link Peppers#fromBase64(String, String)}.
 *
 * <p>Implementations must be thread-safe and must not expose the pepper in {@code toString()}.
 */
public interface Pepper {
    /**
     * Names this pepper, so commitments record which pepper they need (pepper rotation = re-enrollment).
     *
     * @return a short printable id
     */
    String keyId();

    /**
     * Derives a 32-byte secret for one purpose: {@code HMAC-SHA256(pepper, purpose)}.
     *
     * @param purpose a domain-separation label, e.g. {@code safepassage/fp-v1/pepper}
     * @return 32 bytes; the caller clears them after use
     */
    byte[] derive(byte[] purpose);
}
