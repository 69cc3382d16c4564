package org.safepassage.enrollment.biometrics;

/**
 * Synthetic ISO/IEC 19794-2 minutia records for other modules' load drivers: one per finger seed, the enrolled
 * impression of {@link MinutiaFinger} with the calibrated capture noise (what the benchmarks' galleries hold).
 */
public final class SyntheticIsoTemplates {
    private SyntheticIsoTemplates() {}

    /**
     * The enrolled impression of one synthetic finger.
     *
     * @param finger the finger's seed; each seed is another finger
     * @return an ISO/IEC 19794-2:2005 record
     */
    public static byte[] enrolled(final long finger) {
        return MinutiaFinger.generate(finger).isoImpression(0, MinutiaFinger.Capture.calibrated());
    }
}
