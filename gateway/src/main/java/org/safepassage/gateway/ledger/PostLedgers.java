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
import org.safepassage.gateway.terminal.Terminal;

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

    /**
     * The chaincode as the terminal's ledger user, every write attributed to the person at the terminal: her subject
     * goes with each proposal as the transient {@code actor}, and the ledger records it beside the transaction.
     *
     * @param terminal the attended terminal
     * @return the typed client
     * @throws IllegalStateException if no person is logged in at the terminal
     */
    public SafePassageChaincode as(final Terminal terminal) {
        if (terminal.actor() == null) {
            throw new IllegalStateException("terminal " + terminal.name() + " has no person logged in");
        }
        return as(terminal.ledgerUser()).actingFor(terminal.actor());
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
