package org.safepassage.guardian.crossing;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.safepassage.guardian.crossing.CrossingStore.RequestFacts;
import org.safepassage.guardian.crossing.GuardianMessage.State;
import org.safepassage.guardian.sms.SentSms;
import org.safepassage.guardian.sms.SmsNotSentException;
import org.safepassage.guardian.sms.SmsSender;

/**
 * Sends the outbox: each new text gets a fresh code, is claimed (code hash stored, state {@code SENDING}) in one
 * atomic update only one sender can win, and is then sent once. The code lives only in memory between claim and
 * send. A send that fails in an unknown way, or that a crash interrupted, is never repeated: the guardian may already
 * hold the text, and two texts with two codes would confuse them (and a 5xx from Twilio does not prove nothing went
 * out).
 */
@ApplicationScoped
class GuardianTexts {
    private static final Logger LOG = Logger.getLogger(GuardianTexts.class);
    private static final Duration MAX_CODE_VALIDITY = Duration.ofMinutes(10);
    private static final int TWILIO_OPTED_OUT = 21610;

    private final CrossingStore store;
    private final CrossingCodes codes;
    private final GuardianDirectory directory;
    private final SmsSender sms;
    private final CrossingConfig config;
    private final Clock clock;

    GuardianTexts(final CrossingStore store, final CrossingCodes codes, final GuardianDirectory directory,
            final SmsSender sms, final CrossingConfig config, final Clock clock) {
        this.store = store;
        this.codes = codes;
        this.directory = directory;
        this.sms = sms;
        this.config = config;
        this.clock = clock;
    }

    /** After a restart: texts a crash left mid-send become SEND_UNKNOWN, never resent. */
    void recoverInterruptedSends() {
        final int abandoned = store.abandonInterruptedSends(clock.instant());
        if (abandoned > 0) {
            LOG.warnf("%d guardian text(s) were interrupted mid-send by a restart: not resent", abandoned);
        }
    }

    /** Sends every text still new; a text whose guardian cannot be looked up now stays new for the next round. */
    synchronized void sendPending() {
        for (final GuardianMessage message : store.messagesIn(State.NEW)) {
            try {
                send(message);
            } catch (IllegalStateException e) {
                LOG.warnf("text for request %s, guardian %s deferred: %s", message.requestId(),
                        message.guardianRef(), e.getMessage());
            }
        }
    }

    /** Runs work while no text is being sent: no send can be between claiming a text and recording its sid. */
    synchronized void whileNotSending(final Runnable work) {
        work.run();
    }

    private void send(final GuardianMessage message) {
        final Instant now = clock.instant();
        final RequestFacts request = store.request(message.requestId()).orElseThrow();
        if (!now.isBefore(request.expiresAt())) {
            store.settle(message, State.SKIPPED, null, now);
            return;
        }
        final Optional<GuardianDirectory.Contact> contact = directory.find(message.guardianRef(), message.requestId());
        if (contact.isEmpty()) {
            LOG.warnf("request %s: guardian %s has no verified phone: not texted", message.requestId(),
                    message.guardianRef());
            store.settle(message, State.NO_CONTACT, null, now);
            return;
        }
        final byte[] phoneHash = codes.phoneHash(contact.get().phoneNumber());
        if (store.optedOut(phoneHash)) {
            LOG.warnf("request %s: guardian %s opted out of texts: not texted", message.requestId(),
                    message.guardianRef());
            store.settle(message, State.OPTED_OUT, null, now);
            return;
        }
        final GuardianLanguage language = GuardianLanguage.of(contact.get().language());
        final Duration validity = validity(now, request.expiresAt());
        final String code = codes.newCode();
        if (!store.claim(message, phoneHash, language.tag(),
                codes.codeHash(message.requestId(), message.guardianRef(), code), now.plus(validity), now)) {
            return; // another sender has it
        }
        final String body = language.requestText(request.post(), request.direction(), request.createdAt(),
                request.companionRef(), code, Math.max(1, validity.toMinutes()));
        try {
            final SentSms sent = sms.send(contact.get().phoneNumber(), body, validity,
                    URI.create(config.publicBaseUrl() + TwilioWebhookResource.STATUS_PATH));
            store.sent(message, sent.messageSid(), sent.status(), clock.instant());
            LOG.infof("request %s: guardian %s texted as %s", message.requestId(), message.guardianRef(),
                    sent.messageSid());
        } catch (SmsNotSentException e) {
            final State state = !e.refused() ? State.SEND_UNKNOWN
                    : Integer.valueOf(TWILIO_OPTED_OUT).equals(e.providerCode()) ? State.OPTED_OUT : State.UNREACHABLE;
            store.settle(message, state, e.providerCode(), clock.instant());
            LOG.warnf("request %s: text to guardian %s not sent (%s): not retried", message.requestId(),
                    message.guardianRef(), state);
        } catch (RuntimeException e) {
            store.settle(message, State.SEND_UNKNOWN, null, clock.instant());
            throw new IllegalStateException("sending failed unexpectedly", e);
        }
    }

    /** The code is valid for the configured time, at most 10 minutes, and never past the request's expiry. */
    private Duration validity(final Instant now, final Instant requestExpiry) {
        Duration validity = config.codeValidity();
        if (validity.compareTo(MAX_CODE_VALIDITY) > 0) {
            validity = MAX_CODE_VALIDITY;
        }
        final Duration left = Duration.between(now, requestExpiry);
        return left.compareTo(validity) < 0 ? left : validity;
    }
}
