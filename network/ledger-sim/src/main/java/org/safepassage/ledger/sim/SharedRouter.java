package org.safepassage.ledger.sim;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.contract.metadata.MetadataBuilder;
import org.hyperledger.fabric.contract.routing.RoutingRegistry;
import org.hyperledger.fabric.contract.routing.TypeRegistry;

/**
 * The one {@link ContractRouter} of this JVM, set up the way {@code ContractRouter.main} sets it up in a chaincode
 * container: contracts and data types found by scanning the class path, then the metadata built for
 * {@code org.hyperledger.fabric:GetMetadata}.
 *
 * <p>Shared because the class-path scan is slow and because the shim keeps data types and metadata in static
 * registries that a second scan would fill twice. The scanning methods are package-private in the shim, hence the
 * reflection.
 */
final class SharedRouter {
    /** The chaincode id the router validates at start-up; a peer would pass its package id. */
    static final String CHAINCODE_ID = "safepassage:sim";

    private static final System.Logger LOGGER = System.getLogger(SharedRouter.class.getName());
    /** Held strongly: java.util.logging forgets the level of a logger that is garbage collected. */
    private static final List<Logger> QUIETED = new ArrayList<>();
    private static volatile ContractRouter router;

    private SharedRouter() {}

    static ContractRouter get() {
        ContractRouter current = router;
        if (current == null) {
            synchronized (SharedRouter.class) {
                current = router;
                if (current == null) {
                    current = create();
                    router = current;
                }
            }
        }
        return current;
    }

    private static ContractRouter create() {
        final long started = System.nanoTime();
        final ContractRouter created = new ContractRouter(new String[] {"--id", CHAINCODE_ID});
        quietShimUnlessConfigured();
        call(created, "findAllContracts");
        final RoutingRegistry routing = (RoutingRegistry) call(created, "getRoutingRegistry");
        final TypeRegistry types = (TypeRegistry) call(created, "getTypeRegistry");
        MetadataBuilder.initialize(routing, types);
        LOGGER.log(
                System.Logger.Level.DEBUG,
                () -> "contract router ready in " + (System.nanoTime() - started) / 1_000_000 + " ms: " + routing);
        return created;
    }

    /**
     * The router sets the shim's loggers to INFO, which logs every invocation and the whole contract metadata.
     * A chaincode container wants that; a test suite running hundreds of transactions does not. Unless the usual
     * chaincode variables ask for a level, keep warnings and errors only.
     */
    private static void quietShimUnlessConfigured() {
        if (System.getenv("CORE_CHAINCODE_LOGGING_LEVEL") != null
                || System.getenv("CORE_CHAINCODE_LOGGING_SHIM") != null) {
            return;
        }
        for (String name : List.of("org.hyperledger.fabric.shim", "org.hyperledger.fabric.contract")) {
            final Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
    }

    private static Object call(final ContractRouter target, final String methodName) {
        try {
            final Method method = ContractRouter.class.getDeclaredMethod(methodName);
            method.setAccessible(true);
            return method.invoke(target);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("ContractRouter." + methodName + " failed", e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(
                    "cannot call ContractRouter." + methodName + "; has fabric-chaincode-shim changed?", e);
        }
    }
}
