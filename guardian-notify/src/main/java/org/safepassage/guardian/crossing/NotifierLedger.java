package org.safepassage.guardian.crossing;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.safepassage.chaincode.client.SafePassageChaincode;
import org.safepassage.guardian.ledger.LedgerSeat;

/**
 * The notifier's seat on the ledger: the child-protection organisation's {@code notifier} identity, the only one the
 * chaincode lets record guardian decisions (a {@link LedgerSeat}: connected on first use, dropped after a failure).
 * Public because the analysts' screens ({@code oversight}) read alerts and subjects through the same seat: the
 * notifier may read both.
 */
@ApplicationScoped
public class NotifierLedger {
    private final LedgerSeat seat;

    NotifierLedger(@ConfigProperty(name = "safepassage.ledger.connection") final Path connectionFile,
            @ConfigProperty(name = "safepassage.ledger.msp", defaultValue = "ChildProtectionMSP") final String mspId,
            @ConfigProperty(name = "safepassage.ledger.user", defaultValue = "notifier") final String user) {
        this.seat = new LedgerSeat(connectionFile, mspId, user);
    }

    /**
     * The chaincode as the notifier, connecting first if needed.
     *
     * @return the typed chaincode client
     */
    public SafePassageChaincode chaincode() {
        return seat.chaincode();
    }

    /** Drops the connection after a failure; the next call reconnects. */
    public void reset() {
        seat.reset();
    }

    @PreDestroy
    void close() {
        seat.close();
    }
}
