package org.safepassage.guardian.sms;

import java.util.Objects;

/**
 * A text the provider accepted.
 *
 * @param messageSid the provider's message id (Twilio {@code SM...})
 * @param status the provider's status at acceptance, e.g. {@code queued}
 */
public record SentSms(String messageSid, String status) {
    /**
     * Checks that both components are present.
     *
     * @throws NullPointerException if either is {@code null}
     */
    public SentSms {
        Objects.requireNonNull(messageSid, "messageSid");
        Objects.requireNonNull(status, "status");
    }
}
