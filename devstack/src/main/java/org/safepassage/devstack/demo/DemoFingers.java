package org.safepassage.devstack.demo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Synthetic fingerprint images for demos and tests: finger {@code n} is its own random finger (seeded, so every run
 * sees the same ones); impression 0 is the enrollment capture, later ones are re-scans of the same finger.
 */
public final class DemoFingers {
    private static final Map<Integer, SyntheticFinger> FINGERS = new ConcurrentHashMap<>();

    private DemoFingers() {}

    /** One impression of a finger, as a PNG. */
    public static byte[] png(final int finger, final int impression) {
        final SyntheticFinger master = FINGERS.computeIfAbsent(finger, n -> SyntheticFinger.generate(50_000L + n));
        return SyntheticFinger.encode(master.impression(finger * 7919L + impression, 8, 12, 10), "png");
    }
}
