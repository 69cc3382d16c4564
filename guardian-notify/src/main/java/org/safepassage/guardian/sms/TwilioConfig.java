package org.safepassage.guardian.sms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Twilio account SMS go out through: {@code safepassage.twilio.*}. */
@ConfigMapping(prefix = "safepassage.twilio")
public interface TwilioConfig {
    /**
     * The account sid, {@code AC...}.
     *
     * @return {@code safepassage.twilio.account-sid}
     */
    String accountSid();

    /**
     * The account's auth token (it also keys webhook signatures).
     *
     * @return {@code safepassage.twilio.auth-token}
     */
    String authToken();

    /**
     * The sender: a Twilio number in E.164 or an alphanumeric sender id.
     *
     * @return {@code safepassage.twilio.from-number}
     */
    String fromNumber();

    /**
     * Where the REST API is; a local Twilio stand-in in dev and tests.
     *
     * @return {@code safepassage.twilio.api-base-url}, default {@code https://api.twilio.com}
     */
    @WithDefault("https://api.twilio.com")
    String apiBaseUrl();
}
