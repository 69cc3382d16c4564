package org.safepassage.devpeer;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.safepassage.chaincode.client.SafePassageChaincode;
import org.safepassage.ledger.sim.Identity;
import org.safepassage.network.crypto.CryptoMaterial;
import org.safepassage.network.crypto.DevCrypto;

/** Crypto material shared by the test JVM, and real fabric-gateway clients connected to a devpeer. */
final class TestNetwork implements AutoCloseable {
    static final String CHANNEL = "safepassage";
    private static CryptoMaterial material;

    private final int port;
    private final List<ManagedChannel> channels = new ArrayList<>();
    private final List<Gateway> gateways = new ArrayList<>();

    TestNetwork(final int port) {
        this.port = port;
    }

    /** The devcrypto folders, written once per test JVM. */
    static synchronized CryptoMaterial material() {
        if (material == null) {
            try {
                material = DevCrypto.ensure(cryptoDirectory(), 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return material;
    }

    static Path cryptoDirectory() {
        return Path.of("target", "test-crypto").toAbsolutePath();
    }

    /** A devpeer on a free port with small, fast blocks. */
    static DevPeer startPeer(final Path data) throws IOException {
        material();
        return DevPeer.start(DevPeerConfig.of(data, cryptoDirectory()).withPort(0)
                .withBlockCutting(50, Duration.ofMillis(20)));
    }

    static Identity user(final String msp, final String name) {
        return material().user(msp, name);
    }

    /** A Gateway connection as {@code user}. */
    Gateway connect(final Identity user) {
        return connect(user, user);
    }

    /** A Gateway connection that claims {@code claimed} but signs with {@code signer}'s key. */
    Gateway connect(final Identity claimed, final Identity signer) {
        final ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", port).usePlaintext().build();
        channels.add(channel);
        final Gateway gateway = Gateway.newInstance()
                .identity(new X509Identity(claimed.mspId(), claimed.certificate()))
                .signer(Signers.newPrivateKeySigner(signer.privateKey()))
                .hash(Hash.SHA256)
                .connection(channel)
                .evaluateOptions(options -> options.withDeadlineAfter(30, TimeUnit.SECONDS))
                .endorseOptions(options -> options.withDeadlineAfter(30, TimeUnit.SECONDS))
                .submitOptions(options -> options.withDeadlineAfter(30, TimeUnit.SECONDS))
                .commitStatusOptions(options -> options.withDeadlineAfter(60, TimeUnit.SECONDS))
                .connect();
        gateways.add(gateway);
        return gateway;
    }

    /** The project's typed client as {@code user}. */
    SafePassageChaincode chaincode(final Identity user) {
        return SafePassageChaincode.of(connect(user).getNetwork(CHANNEL), "safepassage");
    }

    static Path newDataDirectory(final Path parent, final String name) {
        try {
            return Files.createDirectories(parent.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        gateways.forEach(Gateway::close);
        try {
            for (ManagedChannel channel : channels) {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
