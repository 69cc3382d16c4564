package org.safepassage.enrollment.biometrics;

import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Synthetic fingerprint images for the service tests outside this package: finger {@code n} is its own random
 * finger (seeded, so every run sees the same ones), impression 0 is the enrollment capture, later ones re-scans.
 */
public final class TestImages {
    private static final Map<Integer, SyntheticFinger> FINGERS = new ConcurrentHashMap<>();

    private TestImages() {}

    public static byte[] png(final int finger, final int impression) {
        final SyntheticFinger master = FINGERS.computeIfAbsent(finger, n -> SyntheticFinger.generate(50_000L + n));
        return SyntheticFinger.encode(master.impression(finger * 7919L + impression, 8, 12, 10), "png");
    }

    public static String base64Png(final int finger, final int impression) {
        return Base64.getEncoder().encodeToString(png(finger, impression));
    }
}
