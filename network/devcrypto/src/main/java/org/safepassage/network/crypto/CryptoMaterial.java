package org.safepassage.network.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.safepassage.ledger.sim.CertificateAuthority;
import org.safepassage.ledger.sim.Identity;

/**
 * Crypto material written by {@link DevCrypto}, read back: CA certificates to verify members, and the signing
 * identities of peers and users. Paths follow the layout documented on {@link DevCrypto}.
 */
public final class CryptoMaterial {
    private final Path root;

    private CryptoMaterial(final Path root) {
        this.root = root;
    }

    /**
     * The material under {@code root}.
     *
     * @throws IOException if the material is missing or incomplete
     */
    public static CryptoMaterial load(final Path root) throws IOException {
        Objects.requireNonNull(root, "root");
        if (!Files.exists(root.resolve("COMPLETE"))) {
            throw new IOException("no complete crypto material in " + root.toAbsolutePath()
                    + " (write it with devcrypto --out " + root + ")");
        }
        return new CryptoMaterial(root);
    }

    public Path root() {
        return root;
    }

    /** The organisation's MSP folder, as configtx's MSPDir. */
    public Path organisationMsp(final String mspId) {
        return root.resolve(mspId).resolve("msp");
    }

    /** The certificate of the CA that enrols the organisation's members. */
    public X509Certificate caCertificate(final String mspId) {
        return certificate(organisationMsp(mspId).resolve("cacerts/ca.pem"));
    }

    /** The certificate of the CA that issues the organisation's TLS certificates. */
    public X509Certificate tlsCaCertificate(final String mspId) {
        return certificate(organisationMsp(mspId).resolve("tlscacerts/tlsca.pem"));
    }

    /** The organisation's signing CA, to enrol further members (a new border post terminal). */
    public CertificateAuthority certificateAuthority(final String mspId) {
        return CertificateAuthority.restore(identity(mspId, root.resolve(mspId).resolve("ca"), "cert.pem", "key.pem"));
    }

    /** The organisation's TLS CA, to issue TLS certificates (a client's, a devpeer's for a new address). */
    public CertificateAuthority tlsCertificateAuthority(final String mspId) {
        return CertificateAuthority.restore(
                identity(mspId, root.resolve(mspId).resolve("tlsca"), "cert.pem", "key.pem"));
    }

    /** The local MSP folder of the organisation's peer. */
    public Path peerMsp(final String mspId) {
        return root.resolve(mspId).resolve("peers/peer0/msp");
    }

    /** The TLS folder ({@code server.crt}, {@code server.key}, {@code ca.crt}) of the organisation's peer. */
    public Path peerTls(final String mspId) {
        return root.resolve(mspId).resolve("peers/peer0/tls");
    }

    /** The signing identity of the organisation's peer, which endorses for it. */
    public Identity peer(final String mspId) {
        return signer(mspId, peerMsp(mspId));
    }

    public Path ordererMsp(final int index) {
        return root.resolve(Member.ORDERER_MSP).resolve("orderers/orderer" + index + "/msp");
    }

    public Path ordererTls(final int index) {
        return root.resolve(Member.ORDERER_MSP).resolve("orderers/orderer" + index + "/tls");
    }

    /** The local MSP folder of a user ({@code Admin}, {@code officer}, {@code guard}, ...). */
    public Path userMsp(final String mspId, final String name) {
        return root.resolve(mspId).resolve("users").resolve(name).resolve("msp");
    }

    /**
     * A user's TLS folder ({@code client.crt}, {@code client.key}, {@code ca.crt}, as cryptogen lays it out): the
     * certificate it presents to a peer that requires client authentication.
     */
    public Path userTls(final String mspId, final String name) {
        return root.resolve(mspId).resolve("users").resolve(name).resolve("tls");
    }

    /** A user's signing identity. */
    public Identity user(final String mspId, final String name) {
        return signer(mspId, userMsp(mspId, name));
    }

    private static Identity signer(final String mspId, final Path msp) {
        return identity(mspId, msp, "signcerts/cert.pem", "keystore/key.pem");
    }

    private static Identity identity(final String mspId, final Path dir, final String cert, final String key) {
        try {
            return new Identity(mspId, Pems.certificate(dir.resolve(cert)), Pems.privateKey(dir.resolve(key)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read identity in " + dir, e);
        }
    }

    private static X509Certificate certificate(final Path file) {
        try {
            return Pems.certificate(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
