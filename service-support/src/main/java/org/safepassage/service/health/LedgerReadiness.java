package org.safepassage.service.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.safepassage.chaincode.client.LedgerConnection;

/**
 * Ready while the service's organisation's ledger peer ({@code safepassage.ledger.msp} in
 * {@code safepassage.ledger.connection}) accepts connections; through a restart of the peer shorter than
 * {@code safepassage.health.grace} it stays ready (the ledger client reconnects), so readiness does not flap.
 */
@Readiness
@ApplicationScoped
public class LedgerReadiness implements HealthCheck {
    private final boolean enabled;
    private final Reachability peer;

    LedgerReadiness(@ConfigProperty(name = "safepassage.ledger.connection") final Path connectionFile,
            @ConfigProperty(name = "safepassage.ledger.msp") final String mspId,
            @ConfigProperty(name = "safepassage.health.dependencies", defaultValue = "true") final boolean enabled,
            @ConfigProperty(name = "safepassage.health.grace", defaultValue = "30s") final Duration grace) {
        this.enabled = enabled;
        this.peer = Reachability.of("ledger", () -> {
            try {
                return Reachability.parse(LedgerConnection.read(connectionFile).peer(mspId).endpoint(), 7051);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the ledger connection " + connectionFile, e);
            }
        }, grace);
    }

    @Override
    public HealthCheckResponse call() {
        return enabled ? peer.check() : HealthCheckResponse.named("ledger").up().withData("checked", false).build();
    }
}
