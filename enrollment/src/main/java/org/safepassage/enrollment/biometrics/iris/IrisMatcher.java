package org.safepassage.enrollment.biometrics.iris;

import java.util.Objects;

/**
 * Compares IrisCodes by masked fractional Hamming distance over rotations (Daugman 2004, "How iris recognition
 * works", IEEE TCSVT 14(1)): {@code HD = |(a XOR b) AND ma AND mb| / |ma AND mb|}, the smallest over the second code
 * turned by -{@value #MAX_SHIFT} to +{@value #MAX_SHIFT} angular steps (about ±22.5°), then normalised for the number of
 * bits compared.
 *
 * <p>Thread-safe and allocation-free per comparison; about 17 x 64 {@link Long#bitCount} per pair.
 */
public final class IrisMatcher {
    /** Largest rotation tried each way, in angular steps of 360/128°. */
    public static final int MAX_SHIFT = 8;
    /** Rotations tried per comparison. */
    public static final int ROTATIONS = 2 * MAX_SHIFT + 1;
    /**
     * The typical number of bits compared, the reference of Daugman's score normalisation. Daugman used 911, the mean
     * over his database; this encoder compares about 1,500 on the synthetic images (docs/biometrics.md), and with 911
     * every genuine score would be pushed to the floor.
     */
    public static final double REFERENCE_BITS = 1_500;
    /**
     * Normalised distance at or below which two codes are the same eye. Chosen from the measured synthetic
     * distributions (docs/biometrics.md): highest genuine 0.252, lowest impostor 0.315 over 600 and 19,800 pairs;
     * Daugman's usual 0.32 assumes 249 degrees of freedom, and these codes have fewer (about 163), so the impostor
     * distribution is wider and 0.32 already let 3 synthetic impostors through.
     */
    public static final double DEFAULT_THRESHOLD = 0.28;

    private IrisMatcher() {}

    /**
     * Compares two codes over all rotations.
     *
     * @param enrolled the stored code
     * @param probe the fresh code
     * @return the best score
     * @throws NullPointerException if an argument is {@code null}
     */
    public static IrisScore compare(final IrisCode enrolled, final IrisCode probe) {
        Objects.requireNonNull(enrolled, "enrolled");
        Objects.requireNonNull(probe, "probe");
        final long[] eb = enrolled.bits();
        final long[] em = enrolled.mask();
        IrisScore best = null;
        for (int shift = -MAX_SHIFT; shift <= MAX_SHIFT; shift++) {
            final IrisCode turned = probe.rotated(shift);
            final IrisScore score = score(eb, em, turned.bits(), turned.mask(), shift);
            if (best == null || score.normalizedDistance() < best.normalizedDistance()) {
                best = score;
            }
        }
        return best;
    }

    static IrisScore score(final long[] ab, final long[] am, final long[] bb, final long[] bm, final int shift) {
        int disagree = 0;
        int compared = 0;
        for (int w = 0; w < IrisCode.WORDS; w++) {
            final long both = am[w] & bm[w];
            compared += Long.bitCount(both);
            disagree += Long.bitCount((ab[w] ^ bb[w]) & both);
        }
        final double raw = compared == 0 ? 1.0 : (double) disagree / compared;
        return new IrisScore(raw, normalize(raw, compared), compared, shift);
    }

    /**
     * Daugman's score normalisation.
     *
     * @param raw the raw fractional Hamming distance
     * @param compared the bits compared
     * @return {@code 0.5 - (0.5 - raw) * sqrt(compared / 1500)}, at least 0; 1 when nothing was compared
     */
    public static double normalize(final double raw, final int compared) {
        // Clamped at 0: for very close pairs over many bits the formula goes below 0, which means nothing more.
        return compared == 0 ? 1.0 : Math.max(0, 0.5 - (0.5 - raw) * Math.sqrt(compared / REFERENCE_BITS));
    }
}
