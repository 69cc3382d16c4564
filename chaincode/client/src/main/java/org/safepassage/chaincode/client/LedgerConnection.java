package org.safepassage.chaincode.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.safepassage.chaincode.model.CanonicalJson;

/**
 * Where a service finds the ledger: the channel and chaincode, each organisation's peer (Gateway endpoint and, with
 * TLS, the CA that signed its certificate) and the root of the MSP folders holding the users' identities. The devpeer
 * writes one when it starts ({@code <data>/connection.json}); a real network's bring-up script writes the same file.
 *
 * @param channel the channel name
 * @param chaincode the chaincode name on the channel
 * @param cryptoRoot the MSP folders, laid out as {@code <cryptoRoot>/<MSP>/users/<name>/msp/{signcerts,keystore}}
 * @param peers each organisation's peer, by MSP id
 */
public record LedgerConnection(String channel, String chaincode, String cryptoRoot, Map<String, Peer> peers) {

    public LedgerConnection {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(chaincode, "chaincode");
        Objects.requireNonNull(cryptoRoot, "cryptoRoot");
        peers = Map.copyOf(Objects.requireNonNull(peers, "peers"));
        if (peers.isEmpty()) {
            throw new IllegalArgumentException("peers: at least one");
        }
    }

    /**
     * A peer's Gateway endpoint.
     *
     * @param endpoint {@code host:port}
     * @param tlsCaCertificate path of the PEM certificate of the CA that signed the peer's TLS certificate; absent for
     *     a plaintext endpoint (the devpeer)
     */
    public record Peer(String endpoint, String tlsCaCertificate) {
        public Peer {
            Objects.requireNonNull(endpoint, "endpoint");
            if (!endpoint.matches("[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}")) {
                throw new IllegalArgumentException("endpoint: must be host:port, got " + endpoint);
            }
        }

        public boolean usesTls() {
            return tlsCaCertificate != null;
        }
    }

    /** The peer of {@code mspId}, which a member of that organisation connects to. */
    public Peer peer(final String mspId) {
        final Peer peer = peers.get(mspId);
        if (peer == null) {
            throw new IllegalArgumentException("no peer for " + mspId + " in the connection (has " + peers.keySet() + ")");
        }
        return peer;
    }

    /** The MSP folder of a user ({@code signcerts/} and {@code keystore/} inside). */
    public Path userMsp(final String mspId, final String user) {
        return Path.of(cryptoRoot, mspId, "users", user, "msp");
    }

    /**
     * Reads a connection file.
     *
     * @throws IOException if it cannot be read or is not a valid connection
     */
    public static LedgerConnection read(final Path file) throws IOException {
        try {
            return CanonicalJson.parse(Files.readString(file, StandardCharsets.UTF_8), LedgerConnection.class);
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid ledger connection in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the connection file atomically, so a reader never sees half of it. */
    public void write(final Path file) throws IOException {
        final Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(temporary, CanonicalJson.toJson(this), StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A user's TLS folder ({@code client.crt}, {@code client.key}): the certificate presented to a peer that requires
     * client authentication. Absent for users enrolled without one.
     */
    public Path userTls(final String mspId, final String user) {
        return Path.of(cryptoRoot, mspId, "users", user, "tls");
    }

    /** A connection where every organisation reaches the same plaintext endpoint, as with the devpeer. */
    public static LedgerConnection singleEndpoint(final String channel, final String chaincode, final Path cryptoRoot,
            final String endpoint, final Iterable<String> mspIds) {
        return singleEndpoint(channel, chaincode, cryptoRoot, endpoint, null, mspIds);
    }

    /**
     * A connection where every organisation reaches the same endpoint, as with the devpeer; with TLS when
     * {@code tlsCaCertificate} (the path of the CA that signed the endpoint's certificate) is given.
     */
    public static LedgerConnection singleEndpoint(final String channel, final String chaincode, final Path cryptoRoot,
            final String endpoint, final String tlsCaCertificate, final Iterable<String> mspIds) {
        final Map<String, Peer> peers = new TreeMap<>();
        for (final String msp : mspIds) {
            peers.put(msp, new Peer(endpoint, tlsCaCertificate));
        }
        return new LedgerConnection(channel, chaincode, cryptoRoot.toAbsolutePath().toString(), peers);
    }
}
