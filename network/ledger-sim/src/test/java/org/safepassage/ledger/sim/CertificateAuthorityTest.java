package org.safepassage.ledger.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safepassage.ledger.sim.Fixtures.ALICE;
import static org.safepassage.ledger.sim.Fixtures.BOB;
import static org.safepassage.ledger.sim.Fixtures.GUARDIAN_CA;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {

    @Test
    void ca_certificate_is_a_self_signed_ca_with_fabric_style_subject() throws Exception {
        final X509Certificate ca = GUARDIAN_CA.certificate();

        assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=ca.guardianorgmsp,O=GuardianOrgMSP");
        assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThat(ca.getBasicConstraints()).as("CA:true").isGreaterThanOrEqualTo(0);
        assertThat(ca.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(ca.getKeyUsage()[6]).as("cRLSign").isTrue();
        assertThat(ca.getKeyUsage()[0]).as("digitalSignature").isFalse();
        assertThat(ca.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(ca.getExtensionValue("2.5.29.14")).as("subject key identifier").isNotNull();
        ca.verify(ca.getPublicKey());
    }

    @Test
    void issued_certificate_has_node_ou_subject_and_chains_to_the_ca() throws Exception {
        final X509Certificate cert = ALICE.certificate();

        assertThat(ALICE.subject()).isEqualTo("CN=alice,OU=client,O=GuardianOrgMSP");
        assertThat(ALICE.mspId()).isEqualTo("GuardianOrgMSP");
        assertThat(cert.getIssuerX500Principal()).isEqualTo(GUARDIAN_CA.certificate().getSubjectX500Principal());
        assertThat(cert.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        cert.verify(GUARDIAN_CA.certificate().getPublicKey());

        final byte[] aki = AuthorityKeyIdentifier.getInstance(
                        ASN1OctetString.getInstance(cert.getExtensionValue("2.5.29.35")).getOctets())
                .getKeyIdentifierObject().getOctets();
        final byte[] caSki = SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(
                                GUARDIAN_CA.certificate().getExtensionValue("2.5.29.14"))
                        .getOctets())
                .getKeyIdentifier();
        assertThat(aki).isEqualTo(caSki);
        assertThat(caSki).isEqualTo(CertificateAuthority.subjectKeyIdentifier(GUARDIAN_CA.certificate().getPublicKey()));
    }

    @Test
    void attributes_are_stored_as_raw_fabric_ca_json_in_the_extension() {
        final byte[] extension = ALICE.certificate().getExtensionValue(CertificateAuthority.ATTRIBUTE_EXTENSION_OID);

        assertThat(ASN1OctetString.getInstance(extension).getOctets())
                .asString(java.nio.charset.StandardCharsets.UTF_8)
                .isEqualTo("{\"attrs\":{\"role\":\"guard\"}}");
        assertThat(BOB.certificate().getExtensionValue(CertificateAuthority.ATTRIBUTE_EXTENSION_OID)).isNull();
    }

    @Test
    void serialized_identity_is_the_msp_id_and_pem_certificate() throws Exception {
        final SerializedIdentity parsed = SerializedIdentity.parseFrom(ALICE.serialized());

        assertThat(parsed.getMspid()).isEqualTo("GuardianOrgMSP");
        final String pem = parsed.getIdBytes().toStringUtf8();
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        assertThat(pem.lines().filter(line -> !line.startsWith("-----"))).allMatch(line -> line.length() <= 64);
        final X509Certificate decoded = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes()));
        assertThat(decoded).isEqualTo(ALICE.certificate());
        assertThat(ALICE.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n");
    }

    @Test
    void shim_client_identity_sees_msp_id_id_and_role_attribute_of_the_creator() throws Exception {
        final ClientIdentity identity = clientIdentityOf(ALICE);

        assertThat(identity.getMSPID()).isEqualTo("GuardianOrgMSP");
        assertThat(identity.getAttributeValue("role")).isEqualTo("guard");
        assertThat(identity.assertAttributeValue("role", "guard")).isTrue();
        assertThat(identity.getAttributeValue("missing")).isNull();
        assertThat(identity.getId())
                .isEqualTo("x509::CN=alice, OU=client, O=GuardianOrgMSP::CN=ca.guardianorgmsp, O=GuardianOrgMSP");
        assertThat(clientIdentityOf(BOB).getAttributeValue("role")).isNull();
    }

    @Test
    void attribute_values_needing_json_escapes_round_trip_through_client_identity() throws Exception {
        final Identity tricky = GUARDIAN_CA.issue("carol", "admin", Map.of("note", "say \"hi\"\\\n", "role", "é"));

        final ClientIdentity identity = clientIdentityOf(tricky);

        assertThat(identity.getAttributeValue("note")).isEqualTo("say \"hi\"\\\n");
        assertThat(identity.getAttributeValue("role")).isEqualTo("é");
        assertThat(tricky.subject()).isEqualTo("CN=carol,OU=admin,O=GuardianOrgMSP");
    }

    @Test
    void rejects_a_node_ou_outside_the_fabric_convention() {
        assertThatThrownBy(() -> GUARDIAN_CA.issue("dave", "member", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("member");
    }

    @Test
    void ca_identity_exposes_the_signing_key_of_the_root_certificate() {
        assertThat(GUARDIAN_CA.caIdentity().certificate()).isEqualTo(GUARDIAN_CA.certificate());
        assertThat(GUARDIAN_CA.caIdentity().privateKey().getAlgorithm()).isEqualTo("EC");
        assertThat(GUARDIAN_CA.certificatePem()).isEqualTo(GUARDIAN_CA.caIdentity().certificatePem());
    }

    private static ClientIdentity clientIdentityOf(final Identity identity) throws Exception {
        final WorldState state = new WorldState();
        try (WorldState.Snapshot snapshot = state.snapshot()) {
            final SimulatedStub stub = new SimulatedStub(
                    "ch", "PeerMSP", Proposal.of(identity, "kv:Whoami"), Fixtures.NOW, snapshot);
            return new ClientIdentity(stub);
        }
    }
}
