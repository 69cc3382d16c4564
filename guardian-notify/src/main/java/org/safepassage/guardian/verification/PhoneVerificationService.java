package org.safepassage.guardian.verification;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.safepassage.guardian.sms.SentSms;
import org.safepassage.guardian.sms.SmsNotSentException;
import org.safepassage.guardian.sms.SmsSender;
import org.safepassage.service.sms.PhoneNumbers;

/**
 * Verifies that a guardian holds a phone: texts a random six-digit code once, then accepts it back within the
 * validity window and before too many wrong tries. Thread-safe; the code is never stored, returned or logged.
 */
@ApplicationScoped
public final class PhoneVerificationService {
    private static final Logger LOG = Logger.getLogger(PhoneVerificationService.class);
    private static final Pattern SIX_DIGITS = Pattern.compile(CheckCodeRequest.CODE_PATTERN);
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_.:-]{8,128}");

    private final VerificationStore store;
    private final VerificationCodes codes;
    private final SmsSender sms;
    private final VerificationConfig config;
    private final Clock clock;

    PhoneVerificationService(
            final VerificationStore store,
            final VerificationCodes codes,
            final SmsSender sms,
            final VerificationConfig config,
            final Clock clock) {
        this.store = store;
        this.codes = codes;
        this.sms = sms;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Starts a verification and texts its code, once. With an idempotency key, a repeated request returns the
     * verification the key first created and sends nothing.
     *
     * @param phoneNumber the number to verify, E.164
     * @param languageTag en, ro, ru or uk; {@code null} means en
     * @param idempotencyKey the caller's key for this request, or {@code null}
     * @return the pending verification
     * @throws VerificationException 400 for a bad number, language or key, 409 for a key reused with another number,
     *     422 if the provider refused the number, 502 if the provider failed
     */
    public VerificationView start(final String phoneNumber, final String languageTag, final String idempotencyKey) {
        if (!PhoneNumbers.isE164(phoneNumber)) {
            throw new VerificationException(400, ErrorCode.INVALID_PHONE_NUMBER,
                    "phoneNumber must be " + PhoneNumbers.E164_RULE);
        }
        final Language language = languageTag == null ? Language.EN : Language.parse(languageTag)
                .orElseThrow(() -> new VerificationException(400, ErrorCode.UNSUPPORTED_LANGUAGE,
                        "language must be one of en, ro, ru, uk"));
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new VerificationException(400, ErrorCode.IDEMPOTENCY_KEY_INVALID,
                    "Idempotency-Key must be 8 to 128 characters of A-Z a-z 0-9 _ . : -");
        }
        final String id = codes.newId();
        if (idempotencyKey != null) {
            final String earlier = store.bindIdempotencyKey(idempotencyKey, id).orElse(null);
            if (earlier != null) {
                return replay(earlier, phoneNumber);
            }
        }
        final Instant now = clock.instant();
        final String code = codes.newCode();
        final PhoneVerification created = new PhoneVerification(id, phoneNumber, language, codes.digest(id, code),
                VerificationStatus.PENDING, now, now.plus(config.codeValidity()), 0, null, null);
        store.insert(created);
        final SentSms sent;
        try {
            sent = sms.send(phoneNumber, language.text(code, config.codeValidity().toMinutes()),
                    config.codeValidity());
        } catch (SmsNotSentException e) {
            store.update(id, v -> v.with(VerificationStatus.SEND_FAILED));
            LOG.warnf("verification %s: SMS not sent (%s)", id, e.refused() ? "refused" : "provider failure");
            throw e.refused()
                    ? new VerificationException(422, ErrorCode.PHONE_NUMBER_UNREACHABLE,
                            "the SMS provider refused this number (error " + e.providerCode() + ")")
                    : new VerificationException(502, ErrorCode.SMS_PROVIDER_UNAVAILABLE,
                            "the SMS provider failed; the text may or may not have been sent. Start a new "
                                    + "verification (this one will not be retried)");
        }
        LOG.infof("verification %s: code texted as %s", id, sent.messageSid());
        return view(store.update(id, v -> v.sent(sent.messageSid())).orElseThrow());
    }

    /**
     * Checks a code. The right code verifies; a verified verification answers verified again.
     *
     * @param id the verification id
     * @param code the six digits the guardian received
     * @return the verified verification
     * @throws VerificationException 400 for a malformed code, 404 unknown id, 409 never sent, 410 expired,
     *     422 wrong code (with attempts left), 423 locked
     */
    public VerificationView check(final String id, final String code) {
        if (code == null || !SIX_DIGITS.matcher(code).matches()) {
            throw new VerificationException(400, ErrorCode.INVALID_CODE_FORMAT, "code must be six digits");
        }
        final Instant now = clock.instant();
        final Outcome[] outcome = new Outcome[1];
        final PhoneVerification after = store.update(id, current -> {
                    switch (current.statusAt(now)) {
                        case VERIFIED -> outcome[0] = Outcome.ALREADY_VERIFIED;
                        case LOCKED -> outcome[0] = Outcome.LOCKED;
                        case SEND_FAILED -> outcome[0] = Outcome.NOT_SENT;
                        case EXPIRED -> {
                            outcome[0] = Outcome.EXPIRED;
                            return current.with(VerificationStatus.EXPIRED);
                        }
                        case PENDING -> {
                            if (codes.matches(current.id(), code, current.codeDigest())) {
                                outcome[0] = Outcome.VERIFIED;
                                return current.verified(now);
                            }
                            final PhoneVerification counted = current.failedAttempt(config.maxAttempts());
                            outcome[0] = counted.status() == VerificationStatus.LOCKED ? Outcome.LOCKED : Outcome.WRONG;
                            return counted;
                        }
                    }
                    return current;
                })
                .orElseThrow(() -> notFound());
        return switch (outcome[0]) {
            case VERIFIED -> {
                LOG.infof("verification %s: verified", id);
                yield view(after);
            }
            case ALREADY_VERIFIED -> view(after);
            case WRONG -> throw new VerificationException(422, ErrorCode.VERIFICATION_CODE_WRONG,
                    "the code is wrong", attemptsLeft(after));
            case LOCKED -> throw new VerificationException(423, ErrorCode.VERIFICATION_LOCKED,
                    "too many wrong codes: start a new verification", 0);
            case EXPIRED -> throw new VerificationException(410, ErrorCode.VERIFICATION_EXPIRED,
                    "the code has expired: start a new verification");
            case NOT_SENT -> throw new VerificationException(409, ErrorCode.VERIFICATION_NOT_SENT,
                    "this verification's SMS was never sent: start a new verification");
        };
    }

    /**
     * Reads a verification.
     *
     * @param id the verification id
     * @return its current state
     * @throws VerificationException 404 if unknown
     */
    public VerificationView find(final String id) {
        return store.find(id).map(this::view).orElseThrow(PhoneVerificationService::notFound);
    }

    private VerificationView replay(final String earlierId, final String phoneNumber) {
        final PhoneVerification earlier = store.find(earlierId).orElseThrow(() -> new VerificationException(409,
                ErrorCode.IDEMPOTENCY_KEY_INVALID, "a request with this Idempotency-Key is still in progress"));
        if (!earlier.phoneNumber().equals(phoneNumber)) {
            throw new VerificationException(409, ErrorCode.IDEMPOTENCY_KEY_INVALID,
                    "this Idempotency-Key was used for another phone number");
        }
        return view(earlier);
    }

    private VerificationView view(final PhoneVerification v) {
        final VerificationStatus status = v.statusAt(clock.instant());
        return new VerificationView(v.id(), v.phoneNumber(), status, v.expiresAt(),
                status == VerificationStatus.PENDING ? attemptsLeft(v) : null, v.verifiedAt());
    }

    private int attemptsLeft(final PhoneVerification v) {
        return Math.max(0, config.maxAttempts() - v.failedAttempts());
    }

    private static VerificationException notFound() {
        return new VerificationException(404, ErrorCode.VERIFICATION_NOT_FOUND, "no phone verification has this id");
    }

    private enum Outcome {
        VERIFIED,
        ALREADY_VERIFIED,
        WRONG,
        LOCKED,
        EXPIRED,
        NOT_SENT
    }
}
