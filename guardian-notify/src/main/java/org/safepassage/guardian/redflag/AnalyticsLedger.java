package org.safepassage.guardian.redflag;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.safepassage.chaincode.client.SafePassageChaincode;
import org.safepassage.guardian.ledger.LedgerSeat;
import org.safepassage.service.actor.ActingPerson;

/**
 * The analytics' own seat on the ledger: the child-protection {@code analytics} identity, which may raise red-flag
 * alerts and read, nothing else; so the ledger shows which alerts the rules raised, apart from the notifier's work.
 * No person asks for a red flag: each names guardian-notify itself as actor ({@link ActingPerson#service()}).
 */
@ApplicationScoped
class AnalyticsLedger {
    private final LedgerSeat seat;
    private final ActingPerson acting;

    AnalyticsLedger(@ConfigProperty(name = "safepassage.ledger.connection") final Path connectionFile,
            @ConfigProperty(name = "safepassage.ledger.msp", defaultValue = "ChildProtectionMSP") final String mspId,
            @ConfigProperty(name = "safepassage.ledger.analytics-user", defaultValue = "analytics") final String user,
            final ActingPerson acting) {
        this.seat = new LedgerSeat(connectionFile, mspId, user);
        this.acting = acting;
    }

    SafePassageChaincode chaincode() {
        return seat.chaincode().actingFor(acting.service());
    }

    void reset() {
        seat.reset();
    }

    @PreDestroy
    void close() {
        seat.close();
    }
}
