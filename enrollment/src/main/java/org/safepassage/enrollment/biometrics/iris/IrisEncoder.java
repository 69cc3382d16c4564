package org.safepassage.enrollment.biometrics.iris;

/**
 * Encodes the rubber-sheet image into a 2,048-bit IrisCode by phase quantisation of complex 2D Gabor responses
 * (Daugman 2004, section 4): at each of 8 rings x 128 angles, the signs of the real and imaginary parts of the
 * response to an even/odd Gabor pair say in which quadrant of the complex plane the local phase lies. Only phase is
 * kept: it does not depend on contrast, illumination or camera gain.
 *
 * <p>The filter runs along the angular direction with a wavelength of 16 angular samples (16 cycles around the iris)
 * and a Gaussian envelope of 6 samples angularly and 3 samples radially; its real part is made exactly zero-mean so
 * that overall brightness does not bias the sign. A code bit is masked when less than 75% of the envelope's weight
 * falls on valid (unoccluded) pixels.
 */
final class IrisEncoder {
    private static final double WAVELENGTH = 16;
    private static final double SIGMA_ANGLE = 6;
    private static final double SIGMA_RADIUS = 3;
    private static final int HALF_ANGLE = 12;
    private static final int HALF_RADIUS = 6;
    private static final double MIN_VALID_WEIGHT = 0.75;
    private static final int W = 2 * HALF_ANGLE + 1;
    private static final int H = 2 * HALF_RADIUS + 1;
    private static final double[] ENVELOPE = new double[W * H];
    private static final double[] EVEN = new double[W * H];
    private static final double[] ODD = new double[W * H];

    static {
        double envelopeSum = 0;
        double cosineSum = 0;
        for (int dr = -HALF_RADIUS; dr <= HALF_RADIUS; dr++) {
            for (int dt = -HALF_ANGLE; dt <= HALF_ANGLE; dt++) {
                final int i = (dr + HALF_RADIUS) * W + dt + HALF_ANGLE;
                final double envelope = Math.exp(-dt * dt / (2 * SIGMA_ANGLE * SIGMA_ANGLE)
                        - dr * dr / (2 * SIGMA_RADIUS * SIGMA_RADIUS));
                ENVELOPE[i] = envelope;
                EVEN[i] = envelope * Math.cos(2 * Math.PI * dt / WAVELENGTH);
                ODD[i] = envelope * Math.sin(2 * Math.PI * dt / WAVELENGTH);
                envelopeSum += envelope;
                cosineSum += EVEN[i];
            }
        }
        // Remove the even filter's DC response, as Daugman does, so a uniform image gives zero.
        final double dc = cosineSum / envelopeSum;
        for (int i = 0; i < EVEN.length; i++) {
            EVEN[i] -= dc * ENVELOPE[i];
        }
    }

    private IrisEncoder() {}

    static IrisCode encode(final RubberSheet.Polar polar) {
        final double[] values = polar.values();
        final boolean[] valid = polar.valid();
        double sum = 0;
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            if (valid[i]) {
                sum += values[i];
                count++;
            }
        }
        final double mean = count == 0 ? 0 : sum / count;
        final long[] bits = new long[IrisCode.WORDS];
        final long[] mask = new long[IrisCode.WORDS];
        final int ringSpacing = RubberSheet.RADII / IrisCode.RINGS;
        final int angleSpacing = RubberSheet.ANGLES / IrisCode.ANGLES;
        for (int angle = 0; angle < IrisCode.ANGLES; angle++) {
            for (int ring = 0; ring < IrisCode.RINGS; ring++) {
                final int rc = ring * ringSpacing + ringSpacing / 2;
                final int tc = angle * angleSpacing;
                double even = 0;
                double odd = 0;
                double validWeight = 0;
                double totalWeight = 0;
                for (int dr = -HALF_RADIUS; dr <= HALF_RADIUS; dr++) {
                    final int r = rc + dr;
                    if (r < 0 || r >= RubberSheet.RADII) {
                        continue;
                    }
                    for (int dt = -HALF_ANGLE; dt <= HALF_ANGLE; dt++) {
                        final int t = Math.floorMod(tc + dt, RubberSheet.ANGLES);
                        final int k = (dr + HALF_RADIUS) * W + dt + HALF_ANGLE;
                        final int p = r * RubberSheet.ANGLES + t;
                        totalWeight += ENVELOPE[k];
                        if (valid[p]) {
                            final double v = values[p] - mean;
                            even += v * EVEN[k];
                            odd += v * ODD[k];
                            validWeight += ENVELOPE[k];
                        }
                    }
                }
                final int bit = (angle * IrisCode.RINGS + ring) * 2;
                if (even > 0) {
                    bits[bit >>> 6] |= 1L << (bit & 63);
                }
                if (odd > 0) {
                    bits[(bit + 1) >>> 6] |= 1L << ((bit + 1) & 63);
                }
                if (totalWeight > 0 && validWeight / totalWeight >= MIN_VALID_WEIGHT) {
                    mask[bit >>> 6] |= 3L << (bit & 63);
                }
            }
        }
        return new IrisCode(bits, mask);
    }
}
