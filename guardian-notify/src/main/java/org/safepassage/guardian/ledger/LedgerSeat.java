package org.safepassage.guardian.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.safepassage.chaincode.client.LedgerConnection;
import org.safepassage.chaincode.client.LedgerGateway;
import org.safepassage.chaincode.client.SafePassageChaincode;

/**
 * One of the organisation's identities on the ledger. The connection opens on first use and is dropped after a
 * failure, so the service starts while the ledger is down and reconnects when it is back.
 */
public final class LedgerSeat implements AutoCloseable {
    private final Path connectionFile;
    private final String mspId;
    private final String user;
    private LedgerGateway gateway;

    /**
     * @param connectionFile the ledger connection (endpoint, channel, identities folder)
     * @param mspId the organisation
     * @param user the identity's folder under the organisation's users
     */
    public LedgerSeat(final Path connectionFile, final String mspId, final String user) {
        this.connectionFile = connectionFile;
        this.mspId = mspId;
        this.user = user;
    }

    /**
     * The chaincode as this identity, connecting first if needed.
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

    @Override
    public void close() {
        reset();
    }
}
