package org.safepassage.chaincode.client;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;

/**
 * A Fabric Gateway connection opened from a {@link LedgerConnection}: one user of one organisation, through that
 * organisation's peer, with TLS when the connection names the peer's TLS CA. The one way services and tests connect,
 * to the devpeer and to a real network alike. Close it to close the gateway and its gRPC channel.
 *
 * <p>A gRPC transport (e.g. {@code grpc-netty-shaded}) must be on the class path.
 */
public final class LedgerGateway implements AutoCloseable {
    private final ManagedChannel channel;
    private final Gateway gateway;
    private final LedgerConnection connection;

    private LedgerGateway(final ManagedChannel channel, final Gateway gateway, final LedgerConnection connection) {
        this.channel = channel;
        this.gateway = gateway;
        this.connection = connection;
    }

    /**
     * Connects as {@code user} (the name of its folder under {@code <MSP>/users/}, e.g. {@code guard}) of
     * {@code mspId}.
     *
     * @throws UncheckedIOException if the user's certificate or key, or the peer's TLS CA, cannot be read
     * @throws IllegalArgumentException if the connection has no peer for {@code mspId} or the identity is invalid
     */
    public static LedgerGateway connect(final LedgerConnection connection, final String mspId, final String user) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(user, "user");
        final LedgerConnection.Peer peer = connection.peer(mspId);
        final Path msp = connection.userMsp(mspId, user);
        final X509Certificate certificate;
        final PrivateKey key;
        try (Reader cert = Files.newBufferedReader(msp.resolve("signcerts/cert.pem"));
                Reader pem = Files.newBufferedReader(msp.resolve("keystore/key.pem"))) {
            certificate = Identities.readX509Certificate(cert);
            key = Identities.readPrivateKey(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the identity in " + msp, e);
        } catch (CertificateException | InvalidKeyException e) {
            throw new IllegalArgumentException("invalid identity in " + msp + ": " + e.getMessage(), e);
        }
        final ManagedChannel channel = Grpc.newChannelBuilder(peer.endpoint(),
                credentials(peer, connection.userTls(mspId, user))).build();
        final Gateway gateway = Gateway.newInstance()
                .identity(new X509Identity(mspId, certificate))
                .signer(Signers.newPrivateKeySigner(key))
                .hash(Hash.SHA256)
                .connection(channel)
                .evaluateOptions(options -> options.withDeadlineAfter(30, TimeUnit.SECONDS))
                .endorseOptions(options -> options.withDeadlineAfter(60, TimeUnit.SECONDS))
                .submitOptions(options -> options.withDeadlineAfter(30, TimeUnit.SECONDS))
                .commitStatusOptions(options -> options.withDeadlineAfter(60, TimeUnit.SECONDS))
                .connect();
        return new LedgerGateway(channel, gateway, connection);
    }

    /** The raw fabric-gateway connection, for what the typed client does not cover. */
    public Gateway gateway() {
        return gateway;
    }

    /** The connection's channel. */
    public Network network() {
        return gateway.getNetwork(connection.channel());
    }

    /** The typed client for the connection's chaincode, as this user. */
    public SafePassageChaincode chaincode() {
        return SafePassageChaincode.of(network(), connection.chaincode());
    }

    @Override
    public void close() {
        gateway.close();
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** With TLS, the user's client certificate is presented when it has one: peers may require client authentication. */
    private static ChannelCredentials credentials(final LedgerConnection.Peer peer, final Path userTls) {
        if (!peer.usesTls()) {
            return InsecureChannelCredentials.create();
        }
        try {
            final TlsChannelCredentials.Builder tls =
                    TlsChannelCredentials.newBuilder().trustManager(Path.of(peer.tlsCaCertificate()).toFile());
            final Path certificate = userTls.resolve("client.crt");
            if (Files.isRegularFile(certificate)) {
                tls.keyManager(certificate.toFile(), userTls.resolve("client.key").toFile());
            }
            return tls.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the peer's TLS CA " + peer.tlsCaCertificate(), e);
        }
    }
}
