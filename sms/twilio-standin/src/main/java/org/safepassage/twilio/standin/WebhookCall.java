package org.safepassage.twilio.standin;

import java.util.Map;
import java.util.Objects;

/**
 * One signed webhook the stand-in posted: a status callback or an inbound message.
 *
 * @param url the URL posted to, exactly as signed
 * @param params the form parameters sent, in the order sent
 * @param signature the {@code X-Twilio-Signature} header sent
 * @param responseStatus the HTTP status the receiver answered, or {@code -1} if it could not be reached
 */
public record WebhookCall(String url, Map<String, String> params, String signature, int responseStatus) {
    /**
     * Checks and copies the components.
     *
     * @throws NullPointerException if url, params or signature is {@code null}
     */
    public WebhookCall {
        Objects.requireNonNull(url, "url");
        params = Map.copyOf(Objects.requireNonNull(params, "params"));
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * The message sid the webhook is about.
     *
     * @return the {@code MessageSid} parameter, or {@code null}
     */
    public String messageSid() {
        return params.get("MessageSid");
    }
}
