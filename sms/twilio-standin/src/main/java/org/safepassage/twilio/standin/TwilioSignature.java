package org.safepassage.twilio.standin;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes the {@code X-Twilio-Signature} header Twilio puts on every webhook it sends: the full URL that was called,
 * then each POST parameter name immediately followed by its value, the names sorted, HMAC-SHA1 keyed with the
 * account's auth token, Base64 encoded. twilio-java's {@code com.twilio.security.RequestValidator} accepts it.
 */
public final class TwilioSignature {
    /** The header Twilio signs webhooks with. */
    public static final String HEADER = "X-Twilio-Signature";

    private TwilioSignature() {}

    /**
     * Signs a webhook.
     *
     * @param authToken the account's auth token, the HMAC key
     * @param url the exact URL the webhook is posted to, query string included
     * @param params the form parameters of the POST body, each name once
     * @return the Base64 signature
     * @throws NullPointerException if an argument is {@code null}
     */
    public static String sign(final String authToken, final String url, final Map<String, String> params) {
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(params, "params");
        final StringBuilder data = new StringBuilder(url);
        final List<String> names = new ArrayList<>(params.keySet());
        Collections.sort(names);
        for (final String name : names) {
            final String value = params.get(name);
            data.append(name).append(value == null ? "" : value);
        }
        try {
            final Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
