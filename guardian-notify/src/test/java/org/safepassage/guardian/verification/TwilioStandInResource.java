package org.safepassage.guardian.verification;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.safepassage.twilio.standin.TwilioStandIn;

/** Starts the Twilio stand-in on a free port and points {@code safepassage.twilio.*} at it. */
public final class TwilioStandInResource implements QuarkusTestResourceLifecycleManager {
    private TwilioStandIn standIn;

    @Override
    public Map<String, String> start() {
        try {
            standIn = TwilioStandIn.builder().latency(Duration.ofMillis(20)).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "safepassage.twilio.api-base-url", standIn.baseUrl(),
                "safepassage.twilio.account-sid", standIn.accountSid(),
                "safepassage.twilio.auth-token", standIn.authToken(),
                "safepassage.twilio.from-number", "+15005550006");
    }

    @Override
    public void inject(final TestInjector testInjector) {
        testInjector.injectIntoFields(
                standIn, new TestInjector.AnnotatedAndMatchesType(InjectTwilioStandIn.class, TwilioStandIn.class));
    }

    @Override
    public void stop() {
        if (standIn != null) {
            standIn.close();
        }
    }
}
