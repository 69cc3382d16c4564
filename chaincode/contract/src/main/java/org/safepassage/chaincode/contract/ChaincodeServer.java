package org.safepassage.chaincode.contract;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.NettyChaincodeServer;

/**
 * Starts the chaincode. With {@code CHAINCODE_SERVER_ADDRESS} and {@code CORE_CHAINCODE_ID_NAME} set it runs as
 * chaincode-as-a-service (peers dial it); otherwise it dials the peer the shim is configured for.
 *
 * <p>A SIGTERM stops the server's gRPC listener before the JVM exits (the shim's own shutdown hook), so in-flight
 * connections close cleanly.
 */
public final class ChaincodeServer {
    private static final Logger LOG = Logger.getLogger(ChaincodeServer.class.getName());

    private ChaincodeServer() {}

    public static void main(final String[] args) throws Exception {
        final ContractRouter router = new ContractRouter(args);
        RefusalLogging.install();
        if (!router.isServer()) {
            ContractRouter.main(args);
            return;
        }
        // The shim's gRPC server stops its listener from its own shutdown hook on SIGTERM.
        final NettyChaincodeServer server = new NettyChaincodeServer(router, router.getChaincodeServerConfig());
        LOG.log(Level.INFO, "SafePassage chaincode server listening on {0}",
                router.getChaincodeServerConfig().getServerAddress());
        router.startRouterWithChaincodeServer(server);
    }
}
