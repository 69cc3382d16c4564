package org.safepassage.network.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.safepassage.ledger.sim.CertificateAuthority;

/**
 * Writes the development network's crypto material: per organisation a signing CA and a TLS CA, the organisation's
 * MSP folder, its nodes (one peer per peer organisation, N orderers) with their TLS folders, and its users.
 *
 * <pre>
 * ROOT/&lt;MSP&gt;/ca/{cert,key}.pem, tlsca/{cert,key}.pem    CAs, kept to issue more identities later
 * ROOT/&lt;MSP&gt;/msp/                                      the organisation's MSP (configtx MSPDir)
 * ROOT/&lt;MSP&gt;/peers/peer0/{msp,tls}/                    a peer's local MSP and TLS (peer organisations)
 * ROOT/OrdererMSP/orderers/orderer&lt;i&gt;/{msp,tls}/       the orderers
 * ROOT/&lt;MSP&gt;/users/&lt;name&gt;/{msp,tls}/                   Admin and the client users of {@link Member#ALL}
 * ROOT/COMPLETE                                        written last: material without it is incomplete
 * </pre>
 *
 * <p>Command line: {@code java -jar devcrypto.jar --out DIR [--orderers N] [--force]}. Existing complete material is
 * reused unless {@code --force}; incomplete material (a run killed half-way) is replaced. Complete material written
 * before an organisation or a member joined {@link Member} gets them added (the other keys stay): this is how an
 * installation learns of a new country's border police without new identities for everyone else.
 */
public final class DevCrypto {
    private static final Logger LOG = Logger.getLogger(DevCrypto.class.getName());
    private static final List<String> HOSTS = List.of("localhost", "127.0.0.1");
    private static final String COMPLETE = "COMPLETE";

    private DevCrypto() {}

    public static void main(final String[] args) throws IOException {
        Path out = null;
        int orderers = 1;
        boolean force = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--orderers" -> orderers = Integer.parseInt(args[++i]);
                case "--force" -> force = true;
                default -> {
                    System.err.println("usage: devcrypto --out DIR [--orderers N] [--force]");
                    System.exit(2);
                }
            }
        }
        if (out == null) {
            System.err.println("usage: devcrypto --out DIR [--orderers N] [--force]");
            System.exit(2);
        }
        if (force) {
            delete(out);
        }
        final CryptoMaterial material = ensure(out, orderers);
        LOG.info(() -> "crypto material ready in " + material.root().toAbsolutePath());
    }

    /** The material under {@code root}, written first if it is absent or incomplete. */
    public static CryptoMaterial ensure(final Path root, final int orderers) throws IOException {
        if (orderers < 1) {
            throw new IllegalArgumentException("orderers: at least 1");
        }
        if (!Files.exists(root.resolve(COMPLETE))) {
            delete(root);
            generate(root, orderers);
        } else {
            addMissing(root, orderers);
        }
        final CryptoMaterial material = CryptoMaterial.load(root);
        addMissingClientTls(material);
        return material;
    }

    /**
     * Material written before users had TLS client certificates gets them from the kept TLS CAs; regenerating it
     * instead would orphan a ledger whose blocks were signed by the old identities.
     */
    private static void addMissingClientTls(final CryptoMaterial material) throws IOException {
        for (final Member member : Member.ALL) {
            final Path tls = material.userTls(member.mspId(), member.name());
            if (Files.isDirectory(material.userMsp(member.mspId(), member.name())) && !Files.exists(tls)) {
                final CertificateAuthority tlsCa = material.tlsCertificateAuthority(member.mspId());
                MspFolder.writeClientTls(tls, tlsCa, tlsCa.issueTls(member.commonName(), List.of()));
            }
        }
    }

    /** Organisations and members added to {@link Member} since the material was written. */
    private static void addMissing(final Path root, final int orderers) throws IOException {
        for (final String mspId : Member.PEER_ORGANISATIONS) {
            final Path dir = root.resolve(mspId);
            if (!Files.exists(dir.resolve("msp"))) {
                LOG.info(() -> "adding organisation " + mspId + " to the crypto material in " + root);
                delete(dir);
                writeOrganisation(dir, mspId, orderers);
                continue;
            }
            final CertificateAuthority ca = restore(dir.resolve("ca"), mspId);
            final CertificateAuthority tlsCa = restore(dir.resolve("tlsca"), mspId);
            for (final Member member : Member.ALL) {
                final Path msp = dir.resolve("users/" + member.name() + "/msp");
                if (member.mspId().equals(mspId) && !Files.exists(msp.resolve("signcerts/cert.pem"))) {
                    LOG.info(() -> "adding member " + mspId + "/" + member.name() + " to the crypto material");
                    writeMember(msp, ca, tlsCa, member);
                }
            }
        }
    }

    private static CertificateAuthority restore(final Path dir, final String mspId) throws IOException {
        return CertificateAuthority.restore(new org.safepassage.ledger.sim.Identity(mspId,
                Pems.certificate(dir.resolve("cert.pem")), Pems.privateKey(dir.resolve("key.pem"))));
    }

    private static void writeMember(final Path msp, final CertificateAuthority ca, final CertificateAuthority tlsCa,
            final Member member) throws IOException {
        final Map<String, String> attributes = member.isAdmin() ? Map.of() : Map.of("role", member.role());
        MspFolder.write(msp, ca, tlsCa,
                ca.issue(member.commonName(), member.isAdmin() ? "admin" : "client", attributes));
        MspFolder.writeClientTls(msp.resolveSibling("tls"), tlsCa, tlsCa.issueTls(member.commonName(), List.of()));
    }

    private static void generate(final Path root, final int orderers) throws IOException {
        LOG.info(() -> "writing crypto material for " + Member.PEER_ORGANISATIONS + " and " + orderers
                + " orderer(s) to " + root.toAbsolutePath());
        for (final String mspId : Stream.concat(Stream.of(Member.ORDERER_MSP), Member.PEER_ORGANISATIONS.stream())
                .toList()) {
            writeOrganisation(root.resolve(mspId), mspId, orderers);
        }
        MspFolder.writeFile(root.resolve(COMPLETE), "safepassage dev crypto material, " + orderers + " orderer(s)\n");
    }

    private static void writeOrganisation(final Path dir, final String mspId, final int orderers)
            throws IOException {
        final String domain = mspId.toLowerCase(Locale.ROOT);
        final CertificateAuthority ca = CertificateAuthority.create(mspId, "ca." + domain);
        final CertificateAuthority tlsCa = CertificateAuthority.create(mspId, "tlsca." + domain);
        MspFolder.writeAuthority(dir.resolve("ca"), ca);
        MspFolder.writeAuthority(dir.resolve("tlsca"), tlsCa);
        MspFolder.write(dir.resolve("msp"), ca, tlsCa, null);
        if (mspId.equals(Member.ORDERER_MSP)) {
            for (int i = 0; i < orderers; i++) {
                writeNode(dir.resolve("orderers/orderer" + i), ca, tlsCa, "orderer" + i + "." + domain, "orderer");
            }
        } else {
            writeNode(dir.resolve("peers/peer0"), ca, tlsCa, "peer0." + domain, "peer");
        }
        for (final Member member : Member.ALL) {
            if (member.mspId().equals(mspId)) {
                writeMember(dir.resolve("users/" + member.name() + "/msp"), ca, tlsCa, member);
            }
        }
    }

    private static void writeNode(final Path dir, final CertificateAuthority ca, final CertificateAuthority tlsCa,
            final String name, final String nodeOu) throws IOException {
        MspFolder.write(dir.resolve("msp"), ca, tlsCa, ca.issue(name, nodeOu, Map.of()));
        MspFolder.writeTls(dir.resolve("tls"), tlsCa, tlsCa.issueTls(name, HOSTS));
    }

    private static void delete(final Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
