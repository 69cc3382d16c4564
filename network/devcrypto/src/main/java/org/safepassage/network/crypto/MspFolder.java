package org.safepassage.network.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.safepassage.ledger.sim.CertificateAuthority;
import org.safepassage.ledger.sim.Identity;

/** Writes Fabric's folder layouts: an MSP folder (NodeOUs enabled) and a node's TLS folder. */
final class MspFolder {
    private static final String NODE_OUS = """
            NodeOUs:
              Enable: true
              ClientOUIdentifier:
                Certificate: cacerts/ca.pem
                OrganizationalUnitIdentifier: client
              PeerOUIdentifier:
                Certificate: cacerts/ca.pem
                OrganizationalUnitIdentifier: peer
              AdminOUIdentifier:
                Certificate: cacerts/ca.pem
                OrganizationalUnitIdentifier: admin
              OrdererOUIdentifier:
                Certificate: cacerts/ca.pem
                OrganizationalUnitIdentifier: orderer
            """;

    private MspFolder() {}

    /** An MSP folder; with a {@code signer}, a local MSP that can sign, otherwise an organisation's verifying MSP. */
    static void write(final Path dir, final CertificateAuthority ca, final CertificateAuthority tlsCa,
            final Identity signer) throws IOException {
        writeFile(dir.resolve("cacerts/ca.pem"), ca.certificatePem());
        writeFile(dir.resolve("tlscacerts/tlsca.pem"), tlsCa.certificatePem());
        writeFile(dir.resolve("config.yaml"), NODE_OUS);
        if (signer != null) {
            writeFile(dir.resolve("signcerts/cert.pem"), signer.certificatePem());
            writeSecret(dir.resolve("keystore/key.pem"), signer.privateKeyPem());
        }
    }

    /** A node's TLS folder as peers and orderers are configured to read it. */
    static void writeTls(final Path dir, final CertificateAuthority tlsCa, final Identity tls) throws IOException {
        writeFile(dir.resolve("server.crt"), tls.certificatePem());
        writeSecret(dir.resolve("server.key"), tls.privateKeyPem());
        writeFile(dir.resolve("ca.crt"), tlsCa.certificatePem());
    }

    /** A client's TLS folder, as cryptogen writes it for users. */
    static void writeClientTls(final Path dir, final CertificateAuthority tlsCa, final Identity tls)
            throws IOException {
        writeFile(dir.resolve("client.crt"), tls.certificatePem());
        writeSecret(dir.resolve("client.key"), tls.privateKeyPem());
        writeFile(dir.resolve("ca.crt"), tlsCa.certificatePem());
    }

    /** A CA's own certificate and key, kept so more identities can be issued later. */
    static void writeAuthority(final Path dir, final CertificateAuthority ca) throws IOException {
        writeFile(dir.resolve("cert.pem"), ca.certificatePem());
        writeSecret(dir.resolve("key.pem"), ca.caIdentity().privateKeyPem());
    }

    static void writeFile(final Path file, final String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    /** Private keys are readable by their owner only. */
    private static void writeSecret(final Path file, final String content) throws IOException {
        writeFile(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // A file system without POSIX permissions (not on the project's machines): keep the default.
        }
    }
}
