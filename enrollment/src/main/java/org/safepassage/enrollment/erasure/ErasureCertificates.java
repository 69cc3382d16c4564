package org.safepassage.enrollment.erasure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** Signs and verifies erasure certificates. */
public final class ErasureCertificates {
    public static final String ALGORITHM = "SHA256withECDSA";
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private ErasureCertificates() {}

    public static SignedErasureCertificate sign(final ErasureCertificate certificate, final PrivateKey key,
            final X509Certificate signer) {
        try {
            final Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(canonical(certificate));
            return new SignedErasureCertificate(certificate, ALGORITHM,
                    Base64.getEncoder().encodeToString(signature.sign()), pem(signer));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the erasure certificate", e);
        }
    }

    /**
     * Whether the certificate is intact and signed by a certificate that {@code trustedCa} issued.
     *
     * @param trustedCa the registry organisation's CA certificate
     */
    public static boolean verify(final SignedErasureCertificate signed, final X509Certificate trustedCa) {
        try {
            final X509Certificate signer = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(signed.signerCertificate().getBytes(
                            StandardCharsets.US_ASCII)));
            signer.verify(trustedCa.getPublicKey());
            signer.checkValidity();
            if (!ALGORITHM.equals(signed.algorithm())
                    || !signer.getSubjectX500Principal().getName().equals(signed.certificate().issuer())) {
                return false;
            }
            final Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(signer.getPublicKey());
            signature.update(canonical(signed.certificate()));
            return signature.verify(Base64.getDecoder().decode(signed.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static String toJson(final SignedErasureCertificate signed) {
        try {
            return CANONICAL.writeValueAsString(signed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SignedErasureCertificate fromJson(final String json) {
        try {
            return CANONICAL.readValue(json, SignedErasureCertificate.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an erasure certificate", e);
        }
    }

    static byte[] canonical(final ErasureCertificate certificate) {
        try {
            return CANONICAL.writeValueAsBytes(certificate);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(final X509Certificate certificate) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                        certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
