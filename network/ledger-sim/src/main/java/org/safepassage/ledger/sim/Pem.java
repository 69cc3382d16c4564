package org.safepassage.ledger.sim;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** PEM encoding as Go's {@code pem.Encode} writes it: 64-character lines, trailing newline. */
final class Pem {
    private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private Pem() {}

    static String certificate(final X509Certificate certificate) {
        try {
            return encode("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("certificate cannot be encoded", e);
        }
    }

    /** PKCS#8, the form Fabric's MSP keystore and the Gateway SDKs read. */
    static String privateKey(final PrivateKey key) {
        return encode("PRIVATE KEY", key.getEncoded());
    }

    private static String encode(final String type, final byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + new String(ENCODER.encode(der), US_ASCII)
                + "\n-----END " + type + "-----\n";
    }
}
