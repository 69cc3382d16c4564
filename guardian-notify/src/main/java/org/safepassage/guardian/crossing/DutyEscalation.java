package org.safepassage.guardian.crossing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.safepassage.guardian.crossing.CrossingStore.Escalation;
import org.safepassage.guardian.sms.SentSms;
import org.safepassage.guardian.sms.SmsNotSentException;
import org.safepassage.guardian.sms.SmsSender;

/**
 * Alerts the child-protection duty officer about pending requests no guardian has decided, when every guardian's text
 * failed to reach them (refused, undelivered, failed, opted out, no contact) or when the request is older than
 * {@code safepassage.crossing.escalate-after}. Each request is alerted at most once, ever: its {@code duty_escalation}
 * row is inserted (claimed) before the text is sent, so neither a second round nor a restart sends another, and a send
 * a crash interrupted is never repeated. The text names post, direction, time, the request's id and why, never the
 * child. Without {@code safepassage.crossing.duty-officer-number} the alert is only logged.
 */
@ApplicationScoped
class DutyEscalation {
    static final String NO_GUARDIAN_REACHABLE = "NO_GUARDIAN_REACHABLE";
    static final String NO_ANSWER = "NO_ANSWER";
    private static final Logger LOG = Logger.getLogger(DutyEscalation.class);
    private static final Duration VALIDITY = Duration.ofHours(1);

    private final CrossingStore store;
    private final SmsSender sms;
    private final CrossingConfig config;
    private final Clock clock;
    /** Requests already logged while no duty officer number is configured: logged once per run. */
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    DutyEscalation(final CrossingStore store, final SmsSender sms, final CrossingConfig config, final Clock clock) {
        this.store = store;
        this.sms = sms;
        this.config = config;
        this.clock = clock;
    }

    /** After a restart: alerts a crash left mid-send become SEND_UNKNOWN, never resent. */
    void recoverInterruptedSends() {
        final int abandoned = store.abandonInterruptedEscalations(clock.instant());
        if (abandoned > 0) {
            LOG.warnf("%d duty officer alert(s) were interrupted mid-send by a restart: not resent", abandoned);
        }
    }

    /** Alerts the duty officer about every request that needs it now. */
    synchronized void check() {
        final Instant now = clock.instant();
        for (final Escalation due : store.escalationsDue(now, now.minus(config.escalateAfter()))) {
            escalate(due);
        }
    }

    private void escalate(final Escalation due) {
        final String reason = due.noGuardianReachable() ? NO_GUARDIAN_REACHABLE : NO_ANSWER;
        final String why = due.noGuardianReachable() ? "no guardian reachable" : "no guardian answered within "
                + config.escalateAfter();
        final Optional<String> number = config.dutyOfficerNumber().filter(n -> !n.isBlank());
        if (number.isEmpty()) {
            if (logged.add(due.requestId())) {
                LOG.warnf("ESCALATION: crossing request %s at post %s (%s, %s) is pending and %s; no duty officer "
                        + "number is configured (safepassage.crossing.duty-officer-number): nobody was texted",
                        due.requestId(), due.post(), due.direction(), due.createdAt(), why);
            }
            return;
        }
        if (!store.claimEscalation(due.requestId(), reason, clock.instant())) {
            return; // alerted before
        }
        LOG.warnf("ESCALATION: crossing request %s at post %s (%s, %s) is pending and %s: texting the duty officer",
                due.requestId(), due.post(), due.direction(), due.createdAt(), why);
        final String body = GuardianLanguage.of(config.dutyOfficerLanguage()).dutyOfficerText(due.requestId(),
                due.post(), due.direction(), due.createdAt(), due.noGuardianReachable());
        try {
            final SentSms sent = sms.send(number.get().trim(), body, VALIDITY, null);
            store.escalationSent(due.requestId(), sent.messageSid(), clock.instant());
            LOG.warnf("ESCALATION: duty officer texted about crossing request %s as %s", due.requestId(),
                    sent.messageSid());
        } catch (SmsNotSentException e) {
            final String state = e.refused() ? "UNREACHABLE" : "SEND_UNKNOWN";
            store.settleEscalation(due.requestId(), state, e.providerCode(), clock.instant());
            LOG.errorf("ESCALATION: text to the duty officer about crossing request %s not sent (%s): not retried",
                    due.requestId(), state);
        } catch (RuntimeException e) {
            store.settleEscalation(due.requestId(), "SEND_UNKNOWN", null, clock.instant());
            LOG.errorf(e, "ESCALATION: text to the duty officer about crossing request %s failed: not retried",
                    due.requestId());
        }
    }
}
