package org.safepassage.ledger.sim;

import com.google.protobuf.ByteString;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * An enrolled member of an MSP: its X.509 certificate and, when this process may sign as it, its signing key.
 *
 * <p>A creator taken from a signed proposal has no private key: {@link #ofCertificate} builds one for running the
 * proposal's chaincode as that caller.
 *
 * @param mspId the MSP the certificate belongs to, e.g. {@code Org1MSP}
 * @param certificate the enrolment certificate
 * @param privateKey the ECDSA P-256 key matching the certificate, or {@code null} for a verify-only identity
 */
public record Identity(String mspId, X509Certificate certificate, PrivateKey privateKey) {

    /** Validates that every component is present. */
    public Identity {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(certificate, "certificate");
    }

    /**
     * A verify-only identity, such as the creator of a proposal received from another process.
     *
     * @param mspId the MSP the certificate belongs to
     * @param certificate the certificate
     * @return an identity without a private key
     */
    public static Identity ofCertificate(final String mspId, final X509Certificate certificate) {
        return new Identity(mspId, certificate, null);
    }

    /** @return whether this identity holds a private key to sign with */
    public boolean canSign() {
        return privateKey != null;
    }

    /**
     * The creator bytes a peer hands the chaincode: a protobuf {@code msp.SerializedIdentity} holding the MSP id
     * and the PEM-encoded certificate.
     *
     * @return serialized identity bytes
     */
    public byte[] serialized() {
        return SerializedIdentity.newBuilder()
                .setMspid(mspId)
                .setIdBytes(ByteString.copyFromUtf8(certificatePem()))
                .build()
                .toByteArray();
    }

    /** @return the certificate in PEM form */
    public String certificatePem() {
        return Pem.certificate(certificate);
    }

    /** @return the private key as a PKCS#8 PEM block, as written to an MSP {@code keystore} folder */
    public String privateKeyPem() {
        if (privateKey == null) {
            throw new IllegalStateException("a verify-only identity has no private key: " + this);
        }
        return Pem.privateKey(privateKey);
    }

    /** @return the certificate subject, e.g. {@code CN=alice,OU=client,O=Org1MSP} */
    public String subject() {
        return certificate.getSubjectX500Principal().getName();
    }

    @Override
    public String toString() {
        return "Identity[" + mspId + ", " + subject() + "]";
    }
}
