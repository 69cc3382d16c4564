package org.safepassage.network.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.ledger.sim.Identity;

class DevCryptoTest {
    @TempDir
    Path dir;

    @Test
    void writes_every_organisation_in_the_msp_layout_and_reads_it_back() throws Exception {
        final CryptoMaterial material = DevCrypto.ensure(dir.resolve("crypto"), 2);

        for (final String msp : Member.PEER_ORGANISATIONS) {
            assertThat(material.organisationMsp(msp).resolve("config.yaml")).content().contains("Enable: true");
            assertThat(material.peerTls(msp).resolve("server.crt")).exists();
            final Identity peer = material.peer(msp);
            peer.certificate().verify(material.caCertificate(msp).getPublicKey());
            assertThat(peer.subject()).contains("OU=peer");
        }
        assertThat(material.ordererTls(1).resolve("server.key")).exists();
        assertThat(Files.getPosixFilePermissions(material.ordererTls(1).resolve("server.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void users_carry_their_role_and_can_sign() throws Exception {
        final CryptoMaterial material = DevCrypto.ensure(dir.resolve("crypto"), 1);

        final Identity guard = material.user(Member.BORDER_MSP, "guard");

        assertThat(guard.subject()).contains("CN=post-md-leuseni-01").contains("OU=client");
        final byte[] attributes = guard.certificate().getExtensionValue("1.2.3.4.5.6.7.8.1");
        assertThat(new String(attributes, java.nio.charset.StandardCharsets.UTF_8)).contains("\"role\":\"guard\"");
        final Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(guard.privateKey());
        signature.update(new byte[] {1, 2, 3});
        final byte[] signed = signature.sign();
        signature.initVerify(guard.certificate());
        signature.update(new byte[] {1, 2, 3});
        assertThat(signature.verify(signed)).isTrue();
        assertThat(material.user(Member.REGISTRY_MSP, Member.ADMIN).subject()).contains("OU=admin");
    }

    @Test
    void tls_certificates_serve_and_authenticate_on_loopback() throws Exception {
        final CryptoMaterial material = DevCrypto.ensure(dir.resolve("crypto"), 1);

        final X509Certificate tls = Pems.certificate(material.peerTls(Member.BORDER_MSP).resolve("server.crt"));

        assertThat(tls.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(tls.getSubjectAlternativeNames().stream().map(san -> (Object) san.get(1)).toList())
                .contains((Object) "localhost", (Object) "127.0.0.1");
        tls.verify(material.tlsCaCertificate(Member.BORDER_MSP).getPublicKey());
    }

    @Test
    void reuses_complete_material_and_replaces_incomplete_material() throws Exception {
        final Path root = dir.resolve("crypto");
        final X509Certificate first = DevCrypto.ensure(root, 1).caCertificate(Member.REGISTRY_MSP);

        assertThat(DevCrypto.ensure(root, 1).caCertificate(Member.REGISTRY_MSP)).isEqualTo(first);
        Files.delete(root.resolve("COMPLETE"));
        assertThat(DevCrypto.ensure(root, 1).caCertificate(Member.REGISTRY_MSP)).isNotEqualTo(first);
    }

    @Test
    void a_restored_ca_enrols_a_new_border_post() throws Exception {
        final CryptoMaterial material = DevCrypto.ensure(dir.resolve("crypto"), 1);

        final Identity post = material.certificateAuthority(Member.BORDER_MSP)
                .issue("post-ro-sculeni-01", "client", Map.of("role", "guard"));

        post.certificate().verify(material.caCertificate(Member.BORDER_MSP).getPublicKey());
    }

    @Test
    void material_written_before_the_neighbour_joined_gets_its_organisation_and_keeps_the_others() throws Exception {
        final Path root = dir.resolve("crypto");
        final CryptoMaterial before = DevCrypto.ensure(root, 1);
        final X509Certificate border = before.caCertificate(Member.BORDER_MSP);
        final X509Certificate analytics = before.user(Member.CHILD_PROTECTION_MSP, "analytics").certificate();
        deleteTree(root.resolve(Member.ROMANIA_BORDER_MSP));
        deleteTree(root.resolve(Member.CHILD_PROTECTION_MSP + "/users/analytics"));

        final CryptoMaterial after = DevCrypto.ensure(root, 1);

        assertThat(after.caCertificate(Member.BORDER_MSP)).isEqualTo(border);
        final Identity guard = after.user(Member.ROMANIA_BORDER_MSP, "guard");
        assertThat(guard.subject()).contains("CN=post-ro-sculeni-01");
        guard.certificate().verify(after.caCertificate(Member.ROMANIA_BORDER_MSP).getPublicKey());
        final X509Certificate reissued = after.user(Member.CHILD_PROTECTION_MSP, "analytics").certificate();
        assertThat(reissued).isNotEqualTo(analytics);
        reissued.verify(after.caCertificate(Member.CHILD_PROTECTION_MSP).getPublicKey());
    }

    private static void deleteTree(final Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (final Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
