package org.safepassage.network.fabric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Network;
import org.safepassage.chaincode.client.LedgerConnection;
import org.safepassage.chaincode.client.LedgerGateway;
import org.safepassage.chaincode.client.SafePassageChaincode;

/**
 * One of the two ledgers the differential test drives, reached the way services reach it: each user through its own
 * organisation's peer, found in the ledger's {@code connection.json}.
 */
abstract class LedgerUnderTest implements AutoCloseable {
    private final String name;

    private LedgerUnderTest(final String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    abstract String channel();

    abstract String chaincode();

    /** A connected gateway for {@code user} of {@code mspId}; closed with this ledger. */
    abstract Gateway gateway(String mspId, String user);

    /** Waits until transactions needing several organisations can be endorsed (real Fabric learns peers by gossip). */
    abstract void awaitReady(Gateway gateway, String transaction, String... arguments) throws InterruptedException;

    final Network network(final String mspId, final String user) {
        return gateway(mspId, user).getNetwork(channel());
    }

    final Contract contract(final String mspId, final String user, final String contract) {
        return network(mspId, user).getContract(chaincode(), contract);
    }

    final SafePassageChaincode client(final String mspId, final String user) {
        return SafePassageChaincode.of(network(mspId, user), chaincode());
    }

    static LedgerUnderTest devpeer(final Path connectionFile) {
        final LedgerConnection connection;
        try {
            connection = LedgerConnection.read(connectionFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LedgerUnderTest("devpeer") {
            private final List<LedgerGateway> open = new ArrayList<>();

            @Override
            String channel() {
                return connection.channel();
            }

            @Override
            String chaincode() {
                return connection.chaincode();
            }

            @Override
            Gateway gateway(final String mspId, final String user) {
                final LedgerGateway gateway = LedgerGateway.connect(connection, mspId, user);
                open.add(gateway);
                return gateway.gateway();
            }

            @Override
            void awaitReady(final Gateway gateway, final String transaction, final String... arguments) {
                // one process: every organisation's endorsement is there from the start
            }

            @Override
            public void close() {
                open.forEach(LedgerGateway::close);
            }
        };
    }

    static LedgerUnderTest fabric(final FabricConnection fabric) {
        return new LedgerUnderTest("fabric") {
            @Override
            String channel() {
                return fabric.channel();
            }

            @Override
            String chaincode() {
                return fabric.chaincode();
            }

            @Override
            Gateway gateway(final String mspId, final String user) {
                return fabric.gateway(mspId, user);
            }

            @Override
            void awaitReady(final Gateway gateway, final String transaction, final String... arguments)
                    throws InterruptedException {
                fabric.awaitEndorsementPlan(gateway, transaction, arguments);
            }

            @Override
            public void close() {
                // the connection's gateways close with FabricConnection
            }
        };
    }

    @Override
    public abstract void close();
}
