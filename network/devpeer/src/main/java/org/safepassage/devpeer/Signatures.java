package org.safepassage.devpeer;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.sec.SECNamedCurves;

/**
 * ECDSA over SHA-256, as Fabric's BCCSP signs and verifies: the signature covers SHA-256 of the message, and the
 * signatures this process makes are normalised to low S. Verification accepts both forms, as the Gateway SDKs may
 * send either.
 */
final class Signatures {
    private static final String ALGORITHM = "SHA256withECDSA";
    private static final BigInteger P256_ORDER = SECNamedCurves.getByName("secp256r1").getN();
    private static final BigInteger HALF_ORDER = P256_ORDER.shiftRight(1);

    private Signatures() {}

    /** Whether {@code signature} (DER) is a valid signature of {@code message} by {@code key}. */
    static boolean verify(final PublicKey key, final byte[] message, final byte[] signature) {
        if (signature == null || signature.length == 0) {
            return false;
        }
        try {
            final Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // malformed DER is just a bad signature
        }
    }

    /** A low-S DER signature of {@code message}. */
    static byte[] sign(final PrivateKey key, final byte[] message) {
        try {
            final Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(message);
            return toLowS(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + key.getAlgorithm() + " key", e);
        }
    }

    static byte[] toLowS(final byte[] der) {
        final ASN1Sequence sequence = ASN1Sequence.getInstance(der);
        final BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
        final BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
        if (s.compareTo(HALF_ORDER) <= 0) {
            return der;
        }
        try {
            return new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(P256_ORDER.subtract(s))})
                    .getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode signature", e);
        }
    }

    static boolean isLowS(final byte[] der) {
        final ASN1Sequence sequence = ASN1Sequence.getInstance(der);
        return ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue().compareTo(HALF_ORDER) <= 0;
    }
}
