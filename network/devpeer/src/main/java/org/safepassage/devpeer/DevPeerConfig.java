package org.safepassage.devpeer;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.safepassage.chaincode.model.Endorsers;
import org.safepassage.ledger.sim.SignaturePolicy;

/**
 * How to run a devpeer. Start from {@link #of(Path, Path)} and adjust with the {@code with...} methods.
 *
 * @param port the port to listen on, 0 for any free port
 * @param dataDirectory where the block log lives
 * @param cryptoDirectory the MSP folders written by devcrypto; generated there when absent
 * @param channel the channel name the clients use
 * @param chaincode the chaincode name the clients use
 * @param maxBlockTransactions a block is cut when it holds this many transactions
 * @param batchTimeout or when this long has passed since its first transaction arrived
 * @param chaincodePolicy the chaincode-level endorsement policy; key-level validation parameters the chaincode sets
 *     decide the rest
 * @param listenAddress the address to listen on; the loopback address unless configured otherwise
 * @param tls whether the endpoint speaks TLS and requires a client certificate from one of the organisations' TLS
 *     CAs, as a Fabric peer with client authentication does; plaintext is refused on any address but loopback
 */
public record DevPeerConfig(
        int port,
        Path dataDirectory,
        Path cryptoDirectory,
        String channel,
        String chaincode,
        int maxBlockTransactions,
        Duration batchTimeout,
        SignaturePolicy chaincodePolicy,
        InetAddress listenAddress,
        boolean tls) {

    /** Default channel name, as the services are configured. */
    public static final String DEFAULT_CHANNEL = "safepassage";
    /** Default chaincode name. */
    public static final String DEFAULT_CHAINCODE = "safepassage";
    /** Default Gateway port of a Fabric peer. */
    public static final int DEFAULT_PORT = 7051;
    /** The chaincode-level policy the chaincode's endorsement table asks for. */
    public static final SignaturePolicy DEFAULT_POLICY = SignaturePolicy.compile(Endorsers.chaincodePolicy());

    /** Validates every setting. */
    public DevPeerConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(cryptoDirectory, "cryptoDirectory");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(chaincode, "chaincode");
        Objects.requireNonNull(batchTimeout, "batchTimeout");
        Objects.requireNonNull(chaincodePolicy, "chaincodePolicy");
        Objects.requireNonNull(listenAddress, "listenAddress");
        if (!tls && !listenAddress.isLoopbackAddress()) {
            // Plaintext gRPC carries every proposal and every identity unprotected: only this machine may see it.
            throw new IllegalArgumentException("plaintext is refused on the non-loopback address "
                    + listenAddress.getHostAddress() + ": enable TLS (--tls) or listen on 127.0.0.1");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port: 0 to 65535, got " + port);
        }
        if (maxBlockTransactions < 1) {
            throw new IllegalArgumentException("maxBlockTransactions: at least 1, got " + maxBlockTransactions);
        }
        if (batchTimeout.isNegative() || batchTimeout.isZero()) {
            throw new IllegalArgumentException("batchTimeout: must be positive, got " + batchTimeout);
        }
    }

    /**
     * Defaults: port 7051, channel and chaincode {@code safepassage}, blocks of up to 50 transactions or 100 ms, and
     * the chaincode's own chaincode-level policy ({@link Endorsers#chaincodePolicy()}), as the real network commits it; plaintext
     * on 127.0.0.1.
     *
     * @param dataDirectory where the block log lives
     * @param cryptoDirectory the MSP folders
     * @return the configuration
     */
    public static DevPeerConfig of(final Path dataDirectory, final Path cryptoDirectory) {
        return new DevPeerConfig(DEFAULT_PORT, dataDirectory, cryptoDirectory, DEFAULT_CHANNEL, DEFAULT_CHAINCODE, 50,
                Duration.ofMillis(100), DEFAULT_POLICY, InetAddress.getLoopbackAddress(), false);
    }

    /** @param value the port, 0 for any free one @return a copy with it */
    public DevPeerConfig withPort(final int value) {
        return new DevPeerConfig(value, dataDirectory, cryptoDirectory, channel, chaincode, maxBlockTransactions,
                batchTimeout, chaincodePolicy, listenAddress, tls);
    }

    /** @param value transactions per block @param timeout batch timeout @return a copy with them */
    public DevPeerConfig withBlockCutting(final int value, final Duration timeout) {
        return new DevPeerConfig(port, dataDirectory, cryptoDirectory, channel, chaincode, value, timeout,
                chaincodePolicy, listenAddress, tls);
    }

    /** @param value the chaincode-level endorsement policy @return a copy with it */
    public DevPeerConfig withPolicy(final SignaturePolicy value) {
        return new DevPeerConfig(port, dataDirectory, cryptoDirectory, channel, chaincode, maxBlockTransactions,
                batchTimeout, value, listenAddress, tls);
    }

    /**
     * @param address the address to listen on
     * @param useTls whether to speak TLS with client authentication (required on a non-loopback address)
     * @return a copy with them
     */
    public DevPeerConfig withListener(final InetAddress address, final boolean useTls) {
        return new DevPeerConfig(port, dataDirectory, cryptoDirectory, channel, chaincode, maxBlockTransactions,
                batchTimeout, chaincodePolicy, address, useTls);
    }
}
