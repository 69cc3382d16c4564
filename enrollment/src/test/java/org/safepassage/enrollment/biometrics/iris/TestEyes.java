package org.safepassage.enrollment.biometrics.iris;

import java.util.Base64;
import org.safepassage.devstack.demo.SyntheticEye;

/**
 * Synthetic near-infrared eye images for the service tests outside this package: eye {@code n} is its own random eye
 * (seeded, so every run sees the same ones); each capture seed is another capture of it.
 */
public final class TestEyes {
    private TestEyes() {}

    /** A good capture of eye {@code eye}, as a PNG file. */
    public static byte[] png(final long eye, final long capture) {
        return SyntheticEye.of(eye).capture(SyntheticEye.Kind.GOOD, capture);
    }

    public static String base64Png(final long eye, final long capture) {
        return Base64.getEncoder().encodeToString(png(eye, capture));
    }

    /** A defocused capture the quality gate refuses with {@code OUT_OF_FOCUS}, as a PNG file. */
    public static byte[] blurredPng(final long eye, final long capture) {
        return SyntheticEye.of(eye).capture(SyntheticEye.Kind.BLURRED, capture);
    }

    /** A defocused capture the quality gate refuses with {@code OUT_OF_FOCUS}. */
    public static String base64Blurred(final long eye, final long capture) {
        return Base64.getEncoder().encodeToString(blurredPng(eye, capture));
    }

    /** The IrisCode the capture pipeline extracts from a capture, to look for its bits where they must not be. */
    public static IrisCode code(final long eye, final long capture) {
        return ((IrisCaptureResult.Accepted) IrisCapture.withDefaults().capture(png(eye, capture))).code();
    }
}
