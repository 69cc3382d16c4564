package org.safepassage.enrollment.biometrics;

import java.util.Base64;
import org.safepassage.devstack.demo.DemoFingers;

/**
 * Synthetic fingerprint images for the service tests outside this package, the same ones the demo seed uses: finger
 * {@code n} is its own random finger (seeded, so every run sees the same ones), impression 0 is the enrollment
 * capture, later ones re-scans.
 */
public final class TestImages {
    private TestImages() {}

    public static byte[] png(final int finger, final int impression) {
        return DemoFingers.png(finger, impression);
    }

    public static String base64Png(final int finger, final int impression) {
        return Base64.getEncoder().encodeToString(png(finger, impression));
    }
}
