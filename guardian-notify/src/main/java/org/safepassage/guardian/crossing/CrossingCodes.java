package org.safepassage.guardian.crossing;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.safepassage.guardian.verification.VerificationConfig;

/**
 * Codes for guardians' replies, and the keyed hashes this service keeps instead of codes and phone numbers. A code is
 * six random digits from {@link SecureRandom}; only HMAC-SHA256 of it, bound to its request and guardian, is stored,
 * so a stored value reveals nothing without {@code safepassage.notify.code-key} and fits no other request or guardian.
 * Each use has its own domain tag, so a hash of one kind never matches another.
 */
@ApplicationScoped
class CrossingCodes {
    static final int CODE_DIGITS = 6;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    CrossingCodes(final VerificationConfig config) {
        // VerificationCodes checks length and encoding at startup; this decodes the same key.
        this.key = new SecretKeySpec(Base64.getDecoder().decode(config.codeKey().trim()), "HmacSHA256");
    }

    String newCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    byte[] codeHash(final String requestId, final String guardianRef, final String code) {
        return hmac("safepassage/crossing-code/v1\0" + requestId + '\0' + guardianRef + '\0' + code);
    }

    boolean codeMatches(final String requestId, final String guardianRef, final String code, final byte[] stored) {
        return stored != null && MessageDigest.isEqual(codeHash(requestId, guardianRef, code), stored);
    }

    byte[] phoneHash(final String phoneNumber) {
        return hmac("safepassage/guardian-phone/v1\0" + phoneNumber);
    }

    /** What is kept of an erased subject's request: enough to recognise its events, nothing to read. */
    byte[] erasedRequestHash(final String requestId) {
        return hmac("safepassage/erased-request/v1\0" + requestId);
    }

    static String sha256Hex(final String evidence) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(evidence.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private byte[] hmac(final String message) {
        try {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
