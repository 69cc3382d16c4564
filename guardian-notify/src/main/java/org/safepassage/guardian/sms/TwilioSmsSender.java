package org.safepassage.guardian.sms;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.jboss.logging.Logger;

/** Sends texts through Twilio's Messages API with twilio-java; one POST per call, never retried. */
@ApplicationScoped
final class TwilioSmsSender implements SmsSender {
    private static final Logger LOG = Logger.getLogger(TwilioSmsSender.class);
    private static final long MAX_VALIDITY_SECONDS = 36_000;

    private final TwilioRestClient client;
    private final PhoneNumber from;

    TwilioSmsSender(final TwilioConfig config) {
        this.client = new TwilioRestClient.Builder(config.accountSid(), config.authToken())
                .accountSid(config.accountSid())
                .httpClient(new TwilioHttpClient(config.apiBaseUrl()))
                .build();
        this.from = new PhoneNumber(config.fromNumber());
    }

    @Override
    public SentSms send(final String to, final String body, final Duration validity, final URI statusCallback) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
        final int seconds = (int) Math.max(1, Math.min(MAX_VALIDITY_SECONDS, validity.toSeconds()));
        try {
            final var creator = Message.creator(new PhoneNumber(to), from, body).setValidityPeriod(seconds);
            if (statusCallback != null) {
                creator.setStatusCallback(statusCallback);
            }
            final Message message = creator.create(client);
            LOG.debugf("SMS %s accepted (%s)", message.getSid(), message.getStatus());
            return new SentSms(message.getSid(), String.valueOf(message.getStatus()));
        } catch (ApiException e) {
            final Integer status = e.getStatusCode();
            final boolean refused = status != null && status >= 400 && status < 500;
            // Twilio's message may quote the recipient's number: keep it out of the log
            LOG.warnf("SMS not sent: HTTP %s, Twilio error %s", status, e.getCode());
            throw new SmsNotSentException(
                    refused ? "the SMS provider refused the message (error " + e.getCode() + ")"
                            : "the SMS provider could not be reached or failed",
                    refused,
                    e.getCode(),
                    e);
        }
    }

    @Override
    public boolean delete(final String sid) {
        Objects.requireNonNull(sid, "sid");
        try {
            final boolean deleted = Message.deleter(sid).delete(client);
            LOG.debugf("SMS %s deleted at the provider", sid);
            return deleted;
        } catch (ApiException e) {
            final Integer status = e.getStatusCode();
            if (status != null && status == 404) {
                return false; // deleted before, or never stored: as gone as it gets
            }
            LOG.warnf("SMS %s not deleted: HTTP %s, Twilio error %s", sid, status, e.getCode());
            throw new SmsNotDeletedException("the SMS provider did not delete message " + sid + " (HTTP " + status
                    + ")", e);
        }
    }
}
