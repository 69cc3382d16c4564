package org.safepassage.devpeer;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.safepassage.chaincode.client.LedgerConnection;
import org.safepassage.ledger.sim.Identity;
import org.safepassage.ledger.sim.LedgerSimulator;
import org.safepassage.network.crypto.CryptoMaterial;
import org.safepassage.network.crypto.DevCrypto;
import org.safepassage.network.crypto.Member;

/**
 * A one-process Fabric network for development: a Fabric Gateway gRPC endpoint that the official
 * {@code fabric-gateway} client connects to unchanged, in front of the SafePassage chaincode run in-process through
 * the ledger simulator, an orderer that cuts hash-chained blocks, and an append-only block log that a restart
 * replays.
 *
 * <p>Start one with {@link #start(DevPeerConfig)} and {@link #close()} it when done; or from the command line:
 * {@code java -jar devpeer.jar --port 7051 --data DIR --crypto DIR}. Thread-safe.
 */
public final class DevPeer implements AutoCloseable {
    static {
        // Before the first logger: keep log output alive until the shutdown hook has said "stopped".
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", ShutdownLogManager.class.getName());
        }
    }

    private static final Logger LOG = Logger.getLogger(DevPeer.class.getName());
    /** The organisation whose TLS CA issues the devpeer's server certificate, which plays every organisation's peer. */
    private static final String SERVER_TLS_ORGANISATION = Member.PEER_ORGANISATIONS.get(0);

    /** The file in the data directory that tells services how to connect. */
    public static final String CONNECTION_FILE = "connection.json";

    private final DevPeerConfig config;
    private final Server server;
    private final Orderer orderer;
    private final Ledger ledger;
    private final CryptoMaterial material;

    private DevPeer(final DevPeerConfig config, final Server server, final Orderer orderer, final Ledger ledger,
            final CryptoMaterial material) {
        this.config = config;
        this.server = server;
        this.orderer = orderer;
        this.ledger = ledger;
        this.material = material;
    }

    /**
     * Loads (or first generates) the crypto material, replays the block log and starts listening.
     *
     * @param config the settings
     * @return the running devpeer
     * @throws IOException if the block log or crypto material cannot be read, or the port cannot be bound
     */
    public static DevPeer start(final DevPeerConfig config) throws IOException {
        Objects.requireNonNull(config, "config");
        final CryptoMaterial material = DevCrypto.ensure(config.cryptoDirectory(), 1);
        final Organisations organisations = organisations(material);
        final LedgerSimulator simulator =
                new LedgerSimulator(config.channel(), Member.PEER_ORGANISATIONS.get(0), Clock.systemUTC(),
                        config.chaincodePolicy());
        final BlockStore store = BlockStore.open(config.dataDirectory());
        final Ledger ledger;
        try {
            ledger = Ledger.open(simulator, store, organisations);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        final Orderer orderer = new Orderer(ledger, config.maxBlockTransactions(), config.batchTimeout());
        final Endorser endorser = new Endorser(simulator, organisations);
        final GatewayService gateway = new GatewayService(config.channel(), config.chaincode(), organisations, endorser,
                orderer, ledger);
        final Server server;
        try {
            server = listener(config, material)
                    .addService(gateway)
                    .addService(new PeerEndorserService(config.channel(), config.chaincode(), organisations, endorser,
                            ledger))
                    .addService(new DeliverService(config.channel(), organisations, ledger))
                    .build()
                    .start();
        } catch (IOException e) {
            closeQuietly(orderer, ledger);
            throw new IOException("cannot listen on " + config.listenAddress().getHostAddress() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
        gateway.listeningOn(server.getPort());
        final DevPeer peer = new DevPeer(config, server, orderer, ledger, material);
        peer.connection().write(config.dataDirectory().resolve(CONNECTION_FILE));
        LOG.info(() -> "devpeer listening on port " + peer.port() + " of " + config.listenAddress().getHostAddress()
                + (config.tls() ? " with TLS and client authentication" : " (plaintext)") + " (channel " + config.channel()
                + ", chaincode " + config.chaincode() + "), data in " + config.dataDirectory().toAbsolutePath() + ", crypto in "
                + config.cryptoDirectory().toAbsolutePath() + ", ledger height " + ledger.height());
        return peer;
    }

    /**
     * How services reach this devpeer: every organisation's peer is this one endpoint, with TLS the CA its server
     * certificate comes from. Also written to {@code <data>/connection.json} on start, which is where services look
     * for it.
     *
     * @return the connection
     */
    public LedgerConnection connection() {
        final String endpoint = host(config.listenAddress()) + ":" + port();
        final String tlsCa = config.tls()
                ? material.organisationMsp(SERVER_TLS_ORGANISATION).resolve("tlscacerts/tlsca.pem").toAbsolutePath()
                        .toString()
                : null;
        return LedgerConnection.singleEndpoint(config.channel(), config.chaincode(), config.cryptoDirectory(),
                endpoint, tlsCa, Member.PEER_ORGANISATIONS);
    }

    /**
     * The gRPC listener. With TLS, like a Fabric peer with {@code clientAuthRequired}: the server certificate is
     * issued at each start by the first organisation's TLS CA for this address (so a new address needs no new
     * material), and a client must present a certificate from one of the organisations' TLS CAs.
     */
    private static NettyServerBuilder listener(final DevPeerConfig config, final CryptoMaterial material)
            throws IOException {
        final NettyServerBuilder builder =
                NettyServerBuilder.forAddress(new InetSocketAddress(config.listenAddress(), config.port()));
        if (!config.tls()) {
            return builder;
        }
        final Identity server = material.tlsCertificateAuthority(SERVER_TLS_ORGANISATION).issueTls(
                "devpeer." + SERVER_TLS_ORGANISATION.toLowerCase(Locale.ROOT),
                List.of("localhost", "127.0.0.1", config.listenAddress().getHostAddress()).stream().distinct().toList());
        final X509Certificate[] clientCas = Member.PEER_ORGANISATIONS.stream()
                .map(material::tlsCaCertificate)
                .toArray(X509Certificate[]::new);
        return builder.sslContext(GrpcSslContexts.configure(
                        SslContextBuilder.forServer(server.privateKey(), server.certificate()))
                .trustManager(clientCas)
                .clientAuth(ClientAuth.REQUIRE)
                .build());
    }

    private static String host(final InetAddress address) {
        return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    }

    /** @return the port the Gateway service listens on (the bound one when configured as 0) */
    public int port() {
        return server.getPort();
    }

    /** @return the settings it runs with */
    public DevPeerConfig config() {
        return config;
    }

    /** @return the number of blocks on the ledger, genesis included */
    public long height() {
        return ledger.height();
    }

    /** Stops listening, commits the transactions already submitted and closes the block log. */
    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(orderer, ledger);
        LOG.info("devpeer stopped");
    }

    /**
     * Runs a devpeer until the process is stopped (SIGTERM or Ctrl-C stop it cleanly).
     *
     * @param args {@code --port N --data DIR --crypto DIR [--channel NAME] [--chaincode NAME] [--block-size N]
     *     [--batch-timeout-ms N] [--policy FABRIC-POLICY]}
     * @throws Exception if it cannot start
     */
    public static void main(final String[] args) throws Exception {
        final DevPeerConfig config;
        try {
            config = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            LOG.severe(e.getMessage() + "\n" + CommandLine.USAGE);
            System.exit(2);
            return;
        }
        final DevPeer peer = start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            peer.close();
            if (LogManager.getLogManager() instanceof ShutdownLogManager manager) {
                manager.resetFinally();
            }
        }, "devpeer-shutdown"));
        peer.server.awaitTermination();
    }

    private static Organisations organisations(final CryptoMaterial material) {
        final Map<String, X509Certificate> cas = new LinkedHashMap<>();
        final Map<String, Identity> peers = new LinkedHashMap<>();
        for (String msp : Member.PEER_ORGANISATIONS) {
            cas.put(msp, material.caCertificate(msp));
            peers.put(msp, material.peer(msp));
        }
        return new Organisations(cas, peers);
    }

    private static void closeQuietly(final Orderer orderer, final Ledger ledger) {
        orderer.close();
        try {
            ledger.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot close the block log", e);
        }
    }
}
