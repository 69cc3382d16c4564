package org.safepassage.network.fabric;

import io.grpc.Status;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.safepassage.chaincode.client.LedgerConnection;
import org.safepassage.chaincode.client.LedgerGateway;

/**
 * The network {@code network/fabric/up} started, as described by the files it wrote in its data folder:
 * {@code connection.json} (what services read) for connections and {@code connection.env} for the rest. Opens Fabric
 * Gateway connections as any user, each to its own organisation's peer, the way services do ({@link LedgerGateway}). Close it to close every channel it opened.
 */
final class FabricConnection implements AutoCloseable {
    /** The system property naming the data folder; default {@code network/fabric/.data}. */
    static final String DATA_PROPERTY = "fabric.data";

    private final Path data;
    private final Properties env;
    private final List<LedgerGateway> gateways = new ArrayList<>();

    private FabricConnection(final Path data, final Properties env) {
        this.data = data;
        this.env = env;
    }

    /** Reads {@code connection.env} from the data folder given by {@value #DATA_PROPERTY}. */
    static FabricConnection fromSystemProperties() {
        final Path data = locate(System.getProperty(DATA_PROPERTY, "network/fabric/.data"));
        final Path file = data.resolve("connection.env");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + file + ": start the network first (network/fabric/up)"
                    + " or point -D" + DATA_PROPERTY + " at its data folder");
        }
        final Properties env = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            env.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FabricConnection(data, env);
    }

    /** A relative data folder is looked for from the working directory up (Maven runs tests in the module folder). */
    private static Path locate(final String configured) {
        final Path path = Path.of(configured);
        if (path.isAbsolute()) {
            return path;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(path))) {
                return dir.resolve(path).normalize();
            }
        }
        return path.toAbsolutePath();
    }

    Path data() {
        return data;
    }

    String channel() {
        return get("FABRIC_CHANNEL");
    }

    String chaincode() {
        return get("FABRIC_CHAINCODE");
    }

    String fabricVersion() {
        return get("FABRIC_VERSION");
    }

    /**
     * A connected gateway for {@code user} of organisation {@code mspId}, through that organisation's peer.
     *
     * @param mspId e.g. {@code RegistryMSP}
     * @param user the user folder's name, e.g. {@code officer}, {@code guard}, {@code Admin}
     */
    Gateway gateway(final String mspId, final String user) {
        final LedgerConnection connection;
        try {
            connection = LedgerConnection.read(data.resolve("connection.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        final LedgerGateway gateway = LedgerGateway.connect(connection, mspId, user);
        synchronized (gateways) {
            gateways.add(gateway);
        }
        return gateway.gateway();
    }

    /**
     * Waits until {@code gateway}'s peer can plan an endorsement under the chaincode's policy, i.e. it has learnt the
     * other organisations' peers and their chaincode through gossip (a few seconds after the network starts). Probes
     * by endorsing, never submitting, {@code transaction}, which the gateway's identity must be allowed to call.
     *
     * <p>The probe's answer must be the same on every peer, since the gateway compares the endorsements. The contract
     * API's {@code org.hyperledger.fabric:GetMetadata} is not: each chaincode JVM lists the transactions in the order
     * reflection gave it, so three chaincode servers may answer three different documents.
     */
    void awaitEndorsementPlan(final Gateway gateway, final String transaction, final String... arguments)
            throws InterruptedException {
        final Contract contract = gateway.getNetwork(channel()).getContract(chaincode());
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                contract.newProposal(transaction).addArguments(arguments).build().endorse();
                return;
            } catch (EndorseException e) {
                if (e.getStatus().getCode() != Status.Code.FAILED_PRECONDITION || System.nanoTime() > deadline) {
                    throw new IllegalStateException("no endorsement plan for " + transaction, e);
                }
                Thread.sleep(250);
            }
        }
    }

    /**
     * Waits until every organisation's gateway can plan an endorsement under the chaincode-level policy, which names
     * all three organisations (every record is created under it). Each probes with a read its identity may make and
     * whose answer every peer gives alike ({@link ReadinessProbe}).
     */
    void awaitEveryGateway() throws InterruptedException {
        for (ReadinessProbe probe : ReadinessProbe.EVERY_ORGANISATION) {
            awaitEndorsementPlan(gateway(probe.mspId(), probe.user()), probe.transaction(), probe.arguments());
        }
    }

    /** A setting of {@code connection.env}, e.g. {@code FABRIC_REGISTRY_PEER}. */
    String get(final String key) {
        final String value = env.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(key + " missing from " + data.resolve("connection.env"));
        }
        return value.strip();
    }

    @Override
    public void close() throws InterruptedException {
        synchronized (gateways) {
            gateways.forEach(LedgerGateway::close);
            gateways.clear();
        }
    }
}
