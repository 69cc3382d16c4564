package org.safepassage.guardian.verification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Phone verification settings: {@code safepassage.notify.*}. */
@ConfigMapping(prefix = "safepassage.notify")
public interface VerificationConfig {
    /**
     * The HMAC key verification codes are stored under, Base64, at least 32 bytes. There is no default: the service
     * refuses to start without one.
     *
     * @return {@code safepassage.notify.code-key}
     */
    String codeKey();

    /**
     * How long a code is valid.
     *
     * @return {@code safepassage.notify.code-validity}, default 10 minutes
     */
    @WithDefault("PT10M")
    Duration codeValidity();

    /**
     * How many wrong codes lock a verification.
     *
     * @return {@code safepassage.notify.max-attempts}, default 5
     */
    @WithDefault("5")
    int maxAttempts();
}
