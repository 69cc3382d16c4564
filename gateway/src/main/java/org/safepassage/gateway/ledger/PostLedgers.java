package org.safepassage.gateway.ledger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.safepassage.chaincode.client.LedgerConnection;
import org.safepassage.chaincode.client.LedgerException;
import org.safepassage.chaincode.client.LedgerGateway;
import org.safepassage.chaincode.client.LedgerUnavailableException;
import org.safepassage.chaincode.client.SafePassageChaincode;

/**
 * The ledger as each border post's own identity: one Fabric Gateway connection per ledger user of the border
 * organisation, opened on first use and kept, so every transaction is signed by the post that did it. The connection
 * file is read on first use too, so the gateway starts before the ledger does.
 */
@ApplicationScoped
public class PostLedgers {
    private final Path connectionFile;
    private final String mspId;
    private final Map<String, LedgerGateway> gateways = new ConcurrentHashMap<>();

    PostLedgers(@ConfigProperty(name = "safepassage.ledger.connection") final Path connectionFile,
            @ConfigProperty(name = "safepassage.ledger.msp", defaultValue = "BorderMSP") final String mspId) {
        this.connectionFile = connectionFile;
        this.mspId = mspId;
    }

    /**
     * The chaincode as a ledger user of the border organisation.
     *
     * @param ledgerUser the user's folder name, e.g. {@code guard}
     * @return the typed client
     * @throws LedgerUnavailableException if the connection file or the identity cannot be read
     */
    public SafePassageChaincode as(final String ledgerUser) {
        return gateways.computeIfAbsent(ledgerUser, this::connect).chaincode();
    }

    private LedgerGateway connect(final String ledgerUser) {
        try {
            return LedgerGateway.connect(LedgerConnection.read(connectionFile), mspId, ledgerUser);
        } catch (IOException | RuntimeException e) {
            if (e instanceof LedgerException ledger) {
                throw ledger;
            }
            throw new LedgerUnavailableException("cannot connect to the ledger as " + mspId + "/" + ledgerUser + ": "
                    + e.getMessage(), null, false, e);
        }
    }

    @PreDestroy
    void close() {
        gateways.values().forEach(LedgerGateway::close);
        gateways.clear();
    }
}
