package org.safepassage.guardian.sms;

import java.net.URI;
import java.time.Duration;

/** Sends one text message. Implementations send each call at most once: they never retry a send on their own. */
public interface SmsSender {
    /**
     * Sends a text.
     *
     * @param to the recipient, E.164
     * @param body the text
     * @param validity how long the provider may hold the message before giving up on it
     * @return the provider's message id and status
     * @throws SmsNotSentException if the provider refused the message or could not be reached; the message may
     *     still have gone out in the second case, so callers must not blindly send again
     */
    default SentSms send(String to, String body, Duration validity) {
        return send(to, body, validity, null);
    }

    /**
     * Sends a text whose delivery status the provider reports to {@code statusCallback}.
     *
     * @param to the recipient, E.164
     * @param body the text
     * @param validity how long the provider may hold the message before giving up on it
     * @param statusCallback where the provider posts status changes (signed), or {@code null} for nowhere
     * @return the provider's message id and status
     * @throws SmsNotSentException as {@link #send(String, String, Duration)}
     */
    SentSms send(String to, String body, Duration validity, URI statusCallback);

    /**
     * Deletes the provider's stored copy of a message (sent or received), for erasure. Safe to repeat.
     *
     * @param sid the provider's message id
     * @return {@code true} if deleted now, {@code false} if the provider holds no such message (already deleted)
     * @throws SmsNotDeletedException if the provider could not be reached or refused the deletion
     */
    boolean delete(String sid);
}
