package org.safepassage.guardian.crossing;

import com.twilio.security.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.safepassage.guardian.sms.TwilioConfig;

/**
 * Checks {@code X-Twilio-Signature} with twilio-java's {@link RequestValidator}: HMAC-SHA1, keyed with the account's
 * auth token, over the public URL Twilio called (from {@code safepassage.crossing.public-base-url}, never rebuilt from
 * the request a proxy forwarded) followed by every form parameter, known or not.
 */
@ApplicationScoped
class WebhookSignatures {
    private final RequestValidator validator;
    private final String publicBaseUrl;

    WebhookSignatures(final TwilioConfig twilio, final CrossingConfig config) {
        this.validator = new RequestValidator(twilio.authToken());
        final String base = config.publicBaseUrl();
        this.publicBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    boolean valid(final String path, final Map<String, String> params, final String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        return validator.validate(publicBaseUrl + path, params, signature);
    }
}
