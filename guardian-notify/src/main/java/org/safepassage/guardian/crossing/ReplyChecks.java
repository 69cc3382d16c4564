package org.safepassage.guardian.crossing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.safepassage.guardian.crossing.CrossingStore.WrongTries;

/**
 * Judges one inbound text inside one database transaction: the MessageSid is recorded first, so a redelivered webhook
 * stops here; then sender, code, expiry and attempts are checked, and an accepted code is used up in the same
 * transaction. The sender must be the number the code was texted to (matched by keyed hash); a code is single-use and
 * expires; {@code safepassage.crossing.max-attempts} wrong codes lock the guardian's code for that request.
 */
@ApplicationScoped
class ReplyChecks {
    private static final Logger LOG = Logger.getLogger(ReplyChecks.class);

    /** What an inbound text came to. */
    enum Outcome {
        DUPLICATE,
        UNKNOWN_SENDER,
        ACCEPTED,
        WRONG_CODE,
        LOCKED,
        EXPIRED,
        STOPPED,
        STARTED,
        HELP,
        NOT_UNDERSTOOD
    }

    /**
     * The judgement.
     *
     * @param message the text the reply answers, for ACCEPTED (and the language to answer in, where known)
     * @param evidenceHash SHA-256 of the evidence kept off-chain, for ACCEPTED
     */
    record Verdict(Outcome outcome, GuardianMessage message, String evidenceHash, GuardianLanguage language) {}

    private final CrossingStore store;
    private final CrossingCodes codes;
    private final CrossingConfig config;
    private final Clock clock;

    ReplyChecks(final CrossingStore store, final CrossingCodes codes, final CrossingConfig config, final Clock clock) {
        this.store = store;
        this.codes = codes;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    Verdict check(final String messageSid, final String from, final GuardianReply reply) {
        final Instant now = clock.instant();
        final byte[] phoneHash = codes.phoneHash(from);
        if (!store.firstSight(messageSid, phoneHash, reply.kind().name(), now)) {
            return new Verdict(Outcome.DUPLICATE, null, null, null);
        }
        final List<GuardianMessage> awaiting = store.awaitingReply(phoneHash);
        final GuardianLanguage language = awaiting.isEmpty() ? GuardianLanguage.EN
                : GuardianLanguage.of(awaiting.get(awaiting.size() - 1).language());
        final Verdict verdict = switch (reply.kind()) {
            case STOP -> {
                store.optOut(phoneHash, now);
                yield new Verdict(Outcome.STOPPED, null, null, language);
            }
            case START -> {
                store.optIn(phoneHash);
                yield new Verdict(Outcome.STARTED, null, null, language);
            }
            case HELP -> new Verdict(Outcome.HELP, null, null, language);
            case UNKNOWN -> new Verdict(awaiting.isEmpty() ? Outcome.UNKNOWN_SENDER : Outcome.NOT_UNDERSTOOD, null,
                    null, language);
            case APPROVE, REFUSE -> decide(messageSid, reply, awaiting, now);
        };
        store.inboundOutcome(messageSid, verdict.outcome().name(),
                verdict.message() == null ? null : verdict.message().requestId());
        return verdict;
    }

    private Verdict decide(final String messageSid, final GuardianReply reply, final List<GuardianMessage> awaiting,
            final Instant now) {
        if (awaiting.isEmpty()) {
            // Not a number any open code was texted to: a right code from another phone counts for nothing.
            return new Verdict(Outcome.UNKNOWN_SENDER, null, null, null);
        }
        for (final GuardianMessage message : awaiting) {
            if (codes.codeMatches(message.requestId(), message.guardianRef(), reply.code(), message.codeHash())) {
                final GuardianLanguage language = GuardianLanguage.of(message.language());
                if (!now.isBefore(message.codeExpiresAt())) {
                    return new Verdict(Outcome.EXPIRED, message, null, language);
                }
                final String evidence = "safepassage/guardian-reply/v1\n" + messageSid + '\n' + message.requestId()
                        + '\n' + message.guardianRef() + '\n' + reply.decision() + '\n' + message.messageSid() + '\n'
                        + now;
                if (!store.decide(message, reply.decision(), evidence, messageSid, now)) {
                    return new Verdict(Outcome.LOCKED, message, null, language);
                }
                return new Verdict(Outcome.ACCEPTED, message, CrossingCodes.sha256Hex(evidence), language);
            }
        }
        boolean anyOpen = false;
        for (final GuardianMessage message : awaiting) {
            if (message.locked() || !now.isBefore(message.codeExpiresAt())) {
                continue;
            }
            final WrongTries tries = store.countWrongTry(message, config.maxAttempts(), now);
            anyOpen |= !tries.locked();
            if (tries.locked()) {
                LOG.warnf("request %s: guardian %s locked after %d wrong codes", message.requestId(),
                        message.guardianRef(), tries.wrongAttempts());
            }
        }
        return new Verdict(anyOpen ? Outcome.WRONG_CODE : Outcome.LOCKED, null, null,
                GuardianLanguage.of(awaiting.get(0).language()));
    }
}
