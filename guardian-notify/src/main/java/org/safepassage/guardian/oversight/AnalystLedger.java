package org.safepassage.guardian.oversight;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.safepassage.chaincode.client.SafePassageChaincode;
import org.safepassage.guardian.ledger.LedgerSeat;
import org.safepassage.service.actor.ActingPerson;

/**
 * The analysts' own seat on the ledger: only the child-protection {@code analyst} identity may conclude on an alert,
 * so an acknowledgement is never recorded as the notifier's. Reading stays with the notifier's seat. Every write names
 * the analyst logged in, by her IdP subject ({@link ActingPerson}), since all analysts share the one seat.
 */
@ApplicationScoped
class AnalystLedger {
    private final LedgerSeat seat;
    private final ActingPerson person;

    AnalystLedger(@ConfigProperty(name = "safepassage.ledger.connection") final Path connectionFile,
            @ConfigProperty(name = "safepassage.ledger.msp", defaultValue = "ChildProtectionMSP") final String mspId,
            @ConfigProperty(name = "safepassage.ledger.analyst-user", defaultValue = "analyst") final String user,
            final ActingPerson person) {
        this.seat = new LedgerSeat(connectionFile, mspId, user);
        this.person = person;
    }

    /** The chaincode as the analyst identity, acting for the person logged in (else naming guardian-notify). */
    SafePassageChaincode chaincode() {
        return seat.chaincode().actingFor(person.actor());
    }

    void reset() {
        seat.reset();
    }

    @PreDestroy
    void close() {
        seat.close();
    }
}
