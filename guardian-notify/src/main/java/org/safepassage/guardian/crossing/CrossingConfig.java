package org.safepassage.guardian.crossing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the crossing-approval flow: {@code safepassage.crossing.*}. */
@ConfigMapping(prefix = "safepassage.crossing")
public interface CrossingConfig {
    /**
     * How long a guardian's code is valid; never more than 10 minutes, and never past the request's own expiry.
     *
     * @return {@code safepassage.crossing.code-validity}, default 10 minutes
     */
    @WithDefault("PT10M")
    Duration codeValidity();

    /**
     * Wrong codes a guardian may send for one request before it is locked for them.
     *
     * @return {@code safepassage.crossing.max-attempts}, default 5
     */
    @WithDefault("5")
    int maxAttempts();

    /**
     * The public base URL Twilio calls this service at (scheme, host, port, no trailing slash). Webhook signatures are
     * checked against it, never against the URL a proxy forwarded, and status callbacks are given under it.
     *
     * @return {@code safepassage.crossing.public-base-url}
     */
    String publicBaseUrl();

    /**
     * The enrollment service, which knows each guardian's verified phone and language.
     *
     * @return {@code safepassage.crossing.enrollment-url}
     */
    String enrollmentUrl();

    /**
     * Whether the chaincode event consumer runs.
     *
     * @return {@code safepassage.crossing.consumer-enabled}, default true
     */
    @WithDefault("true")
    boolean consumerEnabled();

    /**
     * The block the consumer starts at the very first time, before it has a checkpoint.
     *
     * @return {@code safepassage.crossing.first-start-block}, default 0
     */
    @WithDefault("0")
    long firstStartBlock();

    /**
     * How long the consumer waits before reconnecting after the ledger failed.
     *
     * @return {@code safepassage.crossing.retry-every}, default 5 seconds
     */
    @WithDefault("PT5S")
    Duration retryEvery();

    /**
     * The child-protection duty officer's number (E.164), texted once about a pending request no guardian can be
     * reached for or none answered in time. Without it, such requests are only logged at WARN.
     *
     * @return {@code safepassage.crossing.duty-officer-number}
     */
    Optional<String> dutyOfficerNumber();

    /**
     * The language of the duty officer's texts (en, ro, ru, uk).
     *
     * @return {@code safepassage.crossing.duty-officer-language}, default en
     */
    @WithDefault("en")
    String dutyOfficerLanguage();

    /**
     * How long a pending request may go without any guardian's decision before the duty officer is alerted.
     *
     * @return {@code safepassage.crossing.escalate-after}, default 5 minutes
     */
    @WithDefault("PT5M")
    Duration escalateAfter();
}
