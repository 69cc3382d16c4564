package org.safepassage.enrollment.erasure;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An erasure certificate with its signature: ECDSA over the certificate's canonical JSON (sorted keys, no spaces), by
 * the key of {@code signerCertificate}, which chains to the registry organisation's CA.
 */
public record SignedErasureCertificate(@Schema(required = true) ErasureCertificate certificate, String algorithm, String signature,
        String signerCertificate) {}
