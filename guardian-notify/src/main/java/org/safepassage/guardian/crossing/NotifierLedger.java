package org.safepassage.guardian.crossing;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.safepassage.chaincode.client.SafePassageChaincode;
import org.safepassage.guardian.ledger.LedgerSeat;
import org.safepassage.service.actor.ActingPerson;

/**
 * The notifier's seat on the ledger: the child-protection organisation's {@code notifier} identity, the only one the
 * chaincode lets record guardian decisions (a {@link LedgerSeat}: connected on first use, dropped after a failure).
 * Public because the analysts' screens ({@code oversight}) read alerts and subjects through the same seat: the
 * notifier may read both. Its writes (a guardian's decision relayed from her SMS reply, or resubmitted after an
 * outage) are asked for by no one logged in, so they name guardian-notify itself as actor ({@link ActingPerson}); the
 * guardian is named in the decision, by her opaque reference.
 */
@ApplicationScoped
public class NotifierLedger {
    private final LedgerSeat seat;
    private final ActingPerson acting;

    NotifierLedger(@ConfigProperty(name = "safepassage.ledger.connection") final Path connectionFile,
            @ConfigProperty(name = "safepassage.ledger.msp", defaultValue = "ChildProtectionMSP") final String mspId,
            @ConfigProperty(name = "safepassage.ledger.user", defaultValue = "notifier") final String user,
            final ActingPerson acting) {
        this.seat = new LedgerSeat(connectionFile, mspId, user);
        this.acting = acting;
    }

    /**
     * The chaincode as the notifier, connecting first if needed, naming the actor {@link ActingPerson} names.
     *
     * @return the typed chaincode client
     */
    public SafePassageChaincode chaincode() {
        return seat.chaincode().actingFor(acting.actor());
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
