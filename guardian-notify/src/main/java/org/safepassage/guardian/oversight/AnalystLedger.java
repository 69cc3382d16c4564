package org.safepassage.guardian.oversight;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.safepassage.chaincode.client.SafePassageChaincode;
import org.safepassage.guardian.ledger.LedgerSeat;

/**
 * The analysts' own seat on the ledger: only the child-protection {@code analyst} identity may conclude on an alert,
 * so an acknowledgement is never recorded as the notifier's. Reading stays with the notifier's seat.
 */
@ApplicationScoped
class AnalystLedger {
    private final LedgerSeat seat;

    AnalystLedger(@ConfigProperty(name = "safepassage.ledger.connection") final Path connectionFile,
            @ConfigProperty(name = "safepassage.ledger.msp", defaultValue = "ChildProtectionMSP") final String mspId,
            @ConfigProperty(name = "safepassage.ledger.analyst-user", defaultValue = "analyst") final String user) {
        this.seat = new LedgerSeat(connectionFile, mspId, user);
    }

    SafePassageChaincode chaincode() {
        return seat.chaincode();
    }

    void reset() {
        seat.reset();
    }

    @PreDestroy
    void close() {
        seat.close();
    }
}
