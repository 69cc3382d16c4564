package org.safepassage.ledger.sim;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed ECDSA P-256 certificate authority for one MSP, issuing certificates the way Fabric CA does:
 * NodeOU in the subject's OU, attributes in the {@code 1.2.3.4.5.6.7.8.1} extension.
 */
public final class CertificateAuthority {
    /** The extension Fabric CA stores enrolment attributes in; the shim's ClientIdentity reads it. */
    public static final String ATTRIBUTE_EXTENSION_OID = "1.2.3.4.5.6.7.8.1";

    /** The Fabric NodeOU roles a certificate's OU may name. */
    public static final Set<String> NODE_OUS = Set.of("client", "peer", "admin", "orderer");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    private final Identity caIdentity;
    private final X500Name subject;
    private final byte[] subjectKeyId;

    private CertificateAuthority(final Identity caIdentity, final X500Name subject) {
        this.caIdentity = caIdentity;
        this.subject = subject;
        this.subjectKeyId = subjectKeyIdentifier(caIdentity.certificate().getPublicKey());
    }

    /**
     * Creates a new CA with subject {@code CN=ca.<mspId lowercased>, O=<mspId>}.
     *
     * @param mspId the MSP this CA is the root of
     * @return the new CA
     */
    public static CertificateAuthority create(final String mspId) {
        Objects.requireNonNull(mspId, "mspId");
        return create(mspId, "ca." + mspId.toLowerCase(Locale.ROOT));
    }

    /**
     * Creates a new CA with subject {@code CN=<commonName>, O=<mspId>}, e.g. an organisation's TLS CA.
     *
     * @param mspId the MSP this CA belongs to
     * @param commonName the CA's common name
     * @return the new CA
     */
    public static CertificateAuthority create(final String mspId, final String commonName) {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(commonName, "commonName");
        final KeyPair keys = newKeyPair();
        // Go orders RDNs most significant first in the DER; Java and Go both print them in reverse (CN first).
        final X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, mspId)
                .addRDN(BCStyle.CN, commonName)
                .build();
        final X509v3CertificateBuilder builder = newBuilder(name, name, keys.getPublic());
        final byte[] ski = subjectKeyIdentifier(keys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(ski));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot add CA extensions", e);
        }
        final X509Certificate certificate = sign(builder, keys.getPrivate());
        return new CertificateAuthority(new Identity(mspId, certificate, keys.getPrivate()), name);
    }

    /**
     * Issues an enrolment certificate with subject {@code CN=<commonName>, OU=<nodeOu>, O=<mspId>}.
     *
     * @param commonName the enrolment id
     * @param nodeOu one of {@link #NODE_OUS}
     * @param attributes Fabric CA attributes (e.g. {@code role=guard}); empty for none
     * @return the new identity, signed by this CA
     */
    public Identity issue(final String commonName, final String nodeOu, final Map<String, String> attributes) {
        Objects.requireNonNull(commonName, "commonName");
        Objects.requireNonNull(attributes, "attributes");
        if (!NODE_OUS.contains(nodeOu)) {
            throw new IllegalArgumentException("nodeOu must be one of " + NODE_OUS + ": " + nodeOu);
        }
        final KeyPair keys = newKeyPair();
        final X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, mspId())
                .addRDN(BCStyle.OU, nodeOu)
                .addRDN(BCStyle.CN, commonName)
                .build();
        // Reusing the CA's own X500Name keeps the issuer bytes identical to the CA subject, which chain building needs.
        final X509v3CertificateBuilder builder = newBuilder(subject, name, keys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(
                    Extension.subjectKeyIdentifier,
                    false,
                    new SubjectKeyIdentifier(subjectKeyIdentifier(keys.getPublic())));
            builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(subjectKeyId));
            if (!attributes.isEmpty()) {
                // Fabric CA puts the raw JSON as the extnValue octets (no inner ASN.1 wrapping); ClientIdentity
                // unwraps the one OCTET STRING that getExtensionValue returns and parses what is inside as JSON.
                builder.addExtension(
                        new ASN1ObjectIdentifier(ATTRIBUTE_EXTENSION_OID), false, attributeJson(attributes));
            }
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot add certificate extensions", e);
        }
        return new Identity(mspId(), sign(builder, caIdentity.privateKey()), keys.getPrivate());
    }

    /**
     * A CA from its stored certificate and key, so material written earlier can be extended (a new border post).
     *
     * @param caIdentity the CA's self-signed certificate and its key
     * @return the CA
     */
    public static CertificateAuthority restore(final Identity caIdentity) {
        Objects.requireNonNull(caIdentity, "caIdentity");
        return new CertificateAuthority(caIdentity,
                X500Name.getInstance(caIdentity.certificate().getSubjectX500Principal().getEncoded()));
    }

    /**
     * Issues a TLS certificate for a node, usable as server and as client certificate (Raft reuses the server
     * certificate as its client certificate), with the given host names and IP addresses as subject alternative names.
     *
     * @param commonName the node's name
     * @param hosts DNS names or IP literals; none for a client's certificate
     * @return the TLS identity, signed by this CA
     */
    public Identity issueTls(final String commonName, final List<String> hosts) {
        Objects.requireNonNull(commonName, "commonName");
        final KeyPair keys = newKeyPair();
        final X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, mspId())
                .addRDN(BCStyle.CN, commonName)
                .build();
        final X509v3CertificateBuilder builder = newBuilder(subject, name, keys.getPublic());
        final GeneralName[] names = hosts.stream()
                .map(host -> host.matches("[0-9.]+|[0-9A-Fa-f]*:[0-9A-Fa-f:.]*")
                        ? new GeneralName(GeneralName.iPAddress, host)
                        : new GeneralName(GeneralName.dNSName, host))
                .toArray(GeneralName[]::new);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            if (names.length > 0) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(subjectKeyId));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot add TLS certificate extensions", e);
        }
        return new Identity(mspId(), sign(builder, caIdentity.privateKey()), keys.getPrivate());
    }

    /** @return the MSP id this CA serves */
    public String mspId() {
        return caIdentity.mspId();
    }

    /** @return the self-signed root certificate */
    public X509Certificate certificate() {
        return caIdentity.certificate();
    }

    /** @return the root certificate in PEM form, as written to an MSP {@code cacerts} folder */
    public String certificatePem() {
        return caIdentity.certificatePem();
    }

    /** @return the CA's own certificate and signing key, for writing MSP folders or signing further material */
    public Identity caIdentity() {
        return caIdentity;
    }

    /**
     * The subject key identifier Fabric's BCCSP computes: SHA-256 of the uncompressed EC point. MSP keystores
     * name private key files after it.
     */
    static byte[] subjectKeyIdentifier(final PublicKey key) {
        final byte[] point =
                SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getBytes();
        try {
            return MessageDigest.getInstance("SHA-256").digest(point);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Serialises attributes as Fabric CA does, {@code {"attrs":{"name":"value"}}}, keys sorted. */
    static byte[] attributeJson(final Map<String, String> attributes) {
        final StringBuilder json = new StringBuilder("{\"attrs\":{");
        String separator = "";
        for (Map.Entry<String, String> entry : new TreeMap<>(attributes).entrySet()) {
            json.append(separator);
            appendJsonString(json, entry.getKey());
            json.append(':');
            appendJsonString(json, Objects.requireNonNull(entry.getValue(), "attribute value"));
            separator = ",";
        }
        return json.append("}}").toString().getBytes(UTF_8);
    }

    private static void appendJsonString(final StringBuilder out, final String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static KeyPair newKeyPair() {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA P-256 unavailable", e);
        }
    }

    private static X509v3CertificateBuilder newBuilder(
            final X500Name issuer, final X500Name subjectName, final PublicKey publicKey) {
        // Back-date a little so certificates are valid on machines whose clocks lag.
        final Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
        return new JcaX509v3CertificateBuilder(
                issuer,
                new BigInteger(128, RANDOM).setBit(127),
                Date.from(notBefore),
                Date.from(notBefore.plus(VALIDITY)),
                subjectName,
                publicKey);
    }

    private static X509Certificate sign(final X509v3CertificateBuilder builder, final PrivateKey signingKey) {
        try {
            final var signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signingKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign certificate", e);
        }
    }
}
