package org.safepassage.enrollment.subject;

import java.io.ByteArrayOutputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.safepassage.enrollment.biometrics.FingerprintTemplateBytes;

/**
 * A subject's enrolled fingerprint templates, one per finger. The fp-v1 commitment is taken over all of them at once,
 * so altering, dropping or swapping any one stored template breaks the match with the ledger.
 */
public record EnrolledTemplates(Map<Finger, FingerprintTemplateBytes> byFinger) {
    public EnrolledTemplates {
        byFinger = new EnumMap<>(Objects.requireNonNull(byFinger, "byFinger"));
        if (byFinger.isEmpty()) {
            throw new IllegalArgumentException("at least one template");
        }
        byFinger = java.util.Collections.unmodifiableMap(byFinger);
    }

    /** The commitment's input: each finger's position, length and template bytes, in finger order. */
    public byte[] commitmentInput() {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        byFinger.forEach((finger, template) -> {
            final byte[] bytes = template.bytes();
            out.write(finger.ordinal());
            out.write(bytes.length >>> 24);
            out.write(bytes.length >>> 16);
            out.write(bytes.length >>> 8);
            out.write(bytes.length);
            out.writeBytes(bytes);
        });
        return out.toByteArray();
    }
}
