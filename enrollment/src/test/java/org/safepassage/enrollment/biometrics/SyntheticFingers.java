package org.safepassage.enrollment.biometrics;

import java.awt.image.BufferedImage;
import org.safepassage.devstack.demo.SyntheticFinger;

/**
 * A fixed set of synthetic fingers and impressions shared by the tests (generating them takes a few seconds, so it
 * happens once per test JVM). Impression 0 is the enrollment capture, the others are later scans.
 */
final class SyntheticFingers {
    static final int FINGERS = 8;
    static final int IMPRESSIONS = 3;
    /* Moderate capture variation: up to 10 degrees of rotation, 15 px (0.75 mm) of shift, noise sigma 12. */
    private static final double ROTATION_DEGREES = 10;
    private static final int SHIFT = 15;
    private static final double NOISE = 12;

    private static final SyntheticFingers INSTANCE = new SyntheticFingers();

    private final byte[][][] pngs = new byte[FINGERS][IMPRESSIONS][];
    private final FingerprintTemplateBytes[][] templates = new FingerprintTemplateBytes[FINGERS][IMPRESSIONS];

    private SyntheticFingers() {
        final FingerprintCapture capture = FingerprintCapture.create(QualityPolicy.defaults());
        for (int finger = 0; finger < FINGERS; finger++) {
            final SyntheticFinger master = SyntheticFinger.generate(1000 + finger);
            for (int impression = 0; impression < IMPRESSIONS; impression++) {
                final BufferedImage image =
                        master.impression(finger * 31L + impression, ROTATION_DEGREES, SHIFT, NOISE);
                pngs[finger][impression] = SyntheticFinger.encode(image, "png");
                final CaptureResult result = capture.capture(pngs[finger][impression]);
                if (!(result instanceof CaptureResult.Accepted accepted)) {
                    throw new IllegalStateException("synthetic impression rejected: " + result);
                }
                templates[finger][impression] = accepted.template();
            }
        }
    }

    static SyntheticFingers get() {
        return INSTANCE;
    }

    byte[] png(final int finger, final int impression) {
        return pngs[finger][impression].clone();
    }

    FingerprintTemplateBytes template(final int finger, final int impression) {
        return templates[finger][impression];
    }

    static String subjectId(final int finger) {
        return "subj-" + finger;
    }
}
