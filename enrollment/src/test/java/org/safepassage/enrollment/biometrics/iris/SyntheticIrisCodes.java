package org.safepassage.enrollment.biometrics.iris;

import java.util.SplittableRandom;

/**
 * IrisCodes with Daugman's impostor statistics, for scale: 249 independent binary degrees of freedom (Daugman 2004:
 * impostor distances are binomial with mean 0.5 and N = 249), each spread over a run of 8 or 9 adjacent code bits, as
 * real IrisCode bits are correlated along the iris. Masks occlude a random arc at the top (upper eyelid) and bottom.
 * Cheap (microseconds a code), so galleries of a million can be generated; deterministic from the seed.
 */
final class SyntheticIrisCodes {
    static final int DEGREES_OF_FREEDOM = 249;

    private SyntheticIrisCodes() {}

    /** An eye's true code: one random bit per degree of freedom. */
    static boolean[] eye(final SplittableRandom random) {
        final boolean[] dof = new boolean[DEGREES_OF_FREEDOM];
        for (int i = 0; i < dof.length; i++) {
            dof[i] = random.nextBoolean();
        }
        return dof;
    }

    /**
     * One capture of an eye: each degree of freedom flipped with probability {@code flip}, the whole code turned by
     * {@code rotation} angular steps, and a fresh eyelid mask.
     */
    static IrisCode capture(final boolean[] eye, final double flip, final int rotation, final SplittableRandom random) {
        final long[] bits = new long[IrisCode.WORDS];
        final long[] mask = new long[IrisCode.WORDS];
        for (int d = 0; d < DEGREES_OF_FREEDOM; d++) {
            final boolean value = eye[d] ^ random.nextDouble() < flip;
            final int from = d * IrisCode.BITS / DEGREES_OF_FREEDOM;
            final int to = (d + 1) * IrisCode.BITS / DEGREES_OF_FREEDOM;
            for (int i = from; i < to; i++) {
                if (value) {
                    bits[i >>> 6] |= 1L << (i & 63);
                }
            }
        }
        // Upper eyelid around the top of the iris (angle 96 of 128 with y down), lower around the bottom (32).
        final int upper = random.nextInt(24);
        final int lower = random.nextInt(12);
        for (int angle = 0; angle < IrisCode.ANGLES; angle++) {
            final boolean occluded = Math.abs(angle - 96) < upper / 2 + 1 && upper > 0
                    || Math.abs(angle - 32) < lower / 2 + 1 && lower > 0;
            if (!occluded) {
                for (int b = 0; b < IrisCode.BITS_PER_ANGLE; b++) {
                    final int i = angle * IrisCode.BITS_PER_ANGLE + b;
                    mask[i >>> 6] |= 1L << (i & 63);
                }
            }
        }
        return new IrisCode(bits, mask).rotated(rotation);
    }
}
