package org.safepassage.guardian.crossing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.client.ChaincodeRefusedException;
import org.safepassage.chaincode.client.LedgerException;
import org.safepassage.chaincode.client.Retry;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.Decision;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.RecordGuardianDecisionCommand;
import org.safepassage.guardian.crossing.ReplyChecks.Outcome;
import org.safepassage.guardian.crossing.ReplyChecks.Verdict;
import org.safepassage.guardian.sms.SentSms;
import org.safepassage.guardian.sms.SmsNotSentException;
import org.safepassage.guardian.sms.SmsSender;

/**
 * Acts on a guardian's signed text: judged by {@link ReplyChecks}, an accepted decision is recorded on the ledger as
 * {@code RecordGuardianDecision} (retried on an MVCC conflict with another guardian's answer) and confirmed by text.
 * HELP is answered with the help text; STOP records the opt-out and nothing more is sent to the number (the carrier
 * confirms the opt-out itself); START lifts it.
 */
@ApplicationScoped
class GuardianReplies {
    private static final Logger LOG = Logger.getLogger(GuardianReplies.class);
    private static final Duration REPLY_VALIDITY = Duration.ofHours(1);
    private static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(1);

    private final ReplyChecks checks;
    private final CrossingStore store;
    private final CrossingCodes codes;
    private final NotifierLedger ledger;
    private final SmsSender sms;
    private final Clock clock;

    GuardianReplies(final ReplyChecks checks, final CrossingStore store, final CrossingCodes codes,
            final NotifierLedger ledger, final SmsSender sms, final Clock clock) {
        this.checks = checks;
        this.store = store;
        this.codes = codes;
        this.ledger = ledger;
        this.sms = sms;
        this.clock = clock;
    }

    Outcome handle(final String messageSid, final String from, final String body) {
        final GuardianReply reply = GuardianReply.parse(body);
        final Verdict verdict = checks.check(messageSid, from, reply);
        LOG.infof("inbound %s: %s", messageSid, verdict.outcome());
        switch (verdict.outcome()) {
            case ACCEPTED -> record(verdict, reply, from);
            case HELP, NOT_UNDERSTOOD -> text(from, verdict.language().helpText());
            default -> {
                // DUPLICATE, UNKNOWN_SENDER, STOPPED, STARTED, WRONG_CODE, LOCKED, EXPIRED: nothing to send
            }
        }
        return verdict.outcome();
    }

    void delivery(final String messageSid, final String status, final String errorCode) {
        Integer error = null;
        if (errorCode != null && errorCode.matches("[0-9]{1,9}")) {
            error = Integer.valueOf(errorCode);
        }
        store.delivery(messageSid, status, error, clock.instant());
    }

    private void record(final Verdict verdict, final GuardianReply reply, final String from) {
        final GuardianMessage message = verdict.message();
        if (submit(message.requestId(), message.guardianRef(), reply.decision(), verdict.evidenceHash())) {
            final SentSms confirmation = text(from, verdict.language().confirmationText(reply.decision()));
            if (confirmation != null) {
                // kept so that erasure of the subject finds this text at the provider too
                store.confirmationSent(message.requestId(), message.guardianRef(), confirmation.messageSid(),
                        clock.instant());
            }
        }
    }

    /**
     * Submits again the decisions whose submission failed (ledger down) or was cut short by a crash. Safe to repeat:
     * the chaincode takes one decision per guardian and request, and answers GUARDIAN_ALREADY_DECIDED to a second.
     * No confirmation text follows a late recording: the number is not kept.
     */
    void resubmitUnrecorded() {
        for (final CrossingStore.UnrecordedDecision pending :
                store.unrecordedDecisions(clock.instant().minus(INTERRUPTED_AFTER))) {
            submit(pending.requestId(), pending.guardianRef(), pending.decision(),
                    CrossingCodes.sha256Hex(pending.evidence()));
        }
    }

    /** Records a decision on the ledger; true if it was recorded now. */
    private boolean submit(final String requestId, final String guardianRef, final Decision decision,
            final String evidenceHash) {
        final RecordGuardianDecisionCommand command =
                new RecordGuardianDecisionCommand(requestId, guardianRef, decision, evidenceHash);
        try {
            final CrossingRequest after = Retry.onConflict(3)
                    .submit(() -> ledger.chaincode().crossings().recordDecision(command));
            store.decisionState(requestId, guardianRef, "RECORDED", clock.instant());
            store.updateRequest(after, clock.instant());
            LOG.infof("request %s: guardian %s %s recorded; request %s", requestId, guardianRef, decision,
                    after.status());
            return true;
        } catch (ChaincodeRefusedException e) {
            final ErrorCode code = e.getCode();
            // an earlier submission that committed although its answer was lost
            final String state = code == ErrorCode.GUARDIAN_ALREADY_DECIDED ? "RECORDED" : "REFUSED_" + code;
            store.decisionState(requestId, guardianRef, state, clock.instant());
            LOG.warnf("request %s: the ledger refused guardian %s's decision: %s", requestId, guardianRef, code);
            return false;
        } catch (LedgerException | java.io.UncheckedIOException | IllegalArgumentException e) {
            store.decisionState(requestId, guardianRef, "LEDGER_FAILED", clock.instant());
            ledger.reset();
            LOG.errorf("request %s: guardian %s's decision could not reach the ledger (will be retried): %s",
                    requestId, guardianRef, e.getMessage());
            return false;
        }
    }

    /** Texts a reply; the provider's answer, or null if nothing was sent. */
    private SentSms text(final String to, final String body) {
        if (store.optedOut(codes.phoneHash(to))) {
            return null;
        }
        try {
            return sms.send(to, body, REPLY_VALIDITY);
        } catch (SmsNotSentException e) {
            LOG.warnf("reply text not sent (%s)", e.refused() ? "refused" : "provider failure");
            return null;
        }
    }
}
