package org.safepassage.guardian.sms;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.safepassage.service.health.Reachability;

/**
 * Ready while the SMS provider's API (Twilio, or its stand-in) accepts connections, with the same grace as the
 * ledger's check: a provider that blips does not take the notifier out of service.
 */
@Readiness
@ApplicationScoped
public class SmsProviderReadiness implements HealthCheck {
    private final boolean enabled;
    private final Reachability provider;

    SmsProviderReadiness(final TwilioConfig twilio,
            @ConfigProperty(name = "safepassage.health.dependencies", defaultValue = "true") final boolean enabled,
            @ConfigProperty(name = "safepassage.health.grace", defaultValue = "30s") final Duration grace) {
        this.enabled = enabled;
        final URI api = URI.create(twilio.apiBaseUrl());
        final int port = api.getPort() > 0 ? api.getPort() : "https".equalsIgnoreCase(api.getScheme()) ? 443 : 80;
        this.provider = Reachability.of("sms-provider",
                () -> java.net.InetSocketAddress.createUnresolved(api.getHost(), port), grace);
    }

    @Override
    public HealthCheckResponse call() {
        return enabled ? provider.check()
                : HealthCheckResponse.named("sms-provider").up().withData("checked", false).build();
    }
}
