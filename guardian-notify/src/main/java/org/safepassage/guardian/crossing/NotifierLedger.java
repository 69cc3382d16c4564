package org.safepassage.guardian.crossing;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.safepassage.chaincode.client.LedgerConnection;
import org.safepassage.chaincode.client.LedgerGateway;
import org.safepassage.chaincode.client.SafePassageChaincode;

/**
 * The notifier's seat on the ledger: the child-protection organisation's {@code notifier} identity, the only one the
 * chaincode lets record guardian decisions. The connection opens on first use and is dropped after a failure, so the
 * service starts while the ledger is down and reconnects when it is back. Public because the analysts' screens
 * ({@code oversight}) read alerts and subjects through the same seat: the notifier may read both.
 */
@ApplicationScoped
public class NotifierLedger {
    private final Path connectionFile;
    private final String mspId;
    private final String user;
    private LedgerGateway gateway;

    NotifierLedger(@ConfigProperty(name = "safepassage.ledger.connection") final Path connectionFile,
            @ConfigProperty(name = "safepassage.ledger.msp", defaultValue = "ChildProtectionMSP") final String mspId,
            @ConfigProperty(name = "safepassage.ledger.user", defaultValue = "notifier") final String user) {
        this.connectionFile = connectionFile;
        this.mspId = mspId;
        this.user = user;
    }

    /**
     * The chaincode as the notifier, connecting first if needed.
     *
     * @return the typed chaincode client
     */
    public synchronized SafePassageChaincode chaincode() {
        if (gateway == null) {
            final LedgerConnection connection;
            try {
                connection = LedgerConnection.read(connectionFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the ledger connection " + connectionFile, e);
            }
            gateway = LedgerGateway.connect(connection, mspId, user);
        }
        return gateway.chaincode();
    }

    /** Drops the connection after a failure; the next call reconnects. */
    public synchronized void reset() {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }

    @PreDestroy
    void close() {
        reset();
    }
}
