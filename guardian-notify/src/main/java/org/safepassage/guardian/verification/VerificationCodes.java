package org.safepassage.guardian.verification;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes six-digit codes and keeps only their HMAC-SHA256, keyed with {@code safepassage.notify.code-key} and bound
 * to the verification id, so a stored value reveals nothing without the key and cannot be replayed on another
 * verification. Checked at startup: a missing, non-Base64 or short (&lt; 32 bytes) key stops the service.
 */
@Startup
@ApplicationScoped
final class VerificationCodes {
    static final int MIN_KEY_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    VerificationCodes(final VerificationConfig config) {
        final byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(config.codeKey().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("safepassage.notify.code-key must be Base64", e);
        }
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("safepassage.notify.code-key must hold at least " + MIN_KEY_BYTES
                    + " random bytes (Base64), it holds " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    String newCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    byte[] digest(final String verificationId, final String code) {
        try {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((verificationId + ':' + code).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    boolean matches(final String verificationId, final String code, final byte[] expected) {
        return MessageDigest.isEqual(digest(verificationId, code), expected);
    }

    String newId() {
        final byte[] id = new byte[16];
        random.nextBytes(id);
        return "pv_" + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }
}
