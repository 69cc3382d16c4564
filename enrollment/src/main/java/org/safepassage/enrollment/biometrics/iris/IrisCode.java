package org.safepassage.enrollment.biometrics.iris;

import java.util.Arrays;
import java.util.Objects;

/**
 * A 2,048-bit IrisCode and its 2,048-bit mask, packed in 32 {@code long}s each.
 *
 * <p>Layout: bit {@code i = (angle * RINGS + ring) * 2 + part} with {@code angle} 0-127 around the iris, {@code ring}
 * 0-7 from pupil to limbus and {@code part} 0 for the sign of the real and 1 for the sign of the imaginary Gabor
 * response; bit {@code i} is bit {@code i % 64} of word {@code i / 64}. A mask bit of 1 means the code bit is valid
 * (not eyelid, lash, reflection or off the image). Because angles are outermost, turning the eye by one angular step
 * rotates the whole code by {@value #BITS_PER_ANGLE} bits, which is how matching compensates for head tilt.
 *
 * @param bits the code bits
 * @param mask the validity bits
 */
public record IrisCode(long[] bits, long[] mask) {
    /** Angular positions around the iris. */
    public static final int ANGLES = 128;
    /** Rings between pupil and limbus. */
    public static final int RINGS = 8;
    /** Bits per angular position: two phase bits per ring. */
    public static final int BITS_PER_ANGLE = RINGS * 2;
    /** Bits in a code (and in its mask). */
    public static final int BITS = ANGLES * BITS_PER_ANGLE;
    /** {@code long} words in a code (and in its mask). */
    public static final int WORDS = BITS / Long.SIZE;

    /**
     * Checks the lengths and copies the arrays.
     *
     * @throws NullPointerException if an array is {@code null}
     * @throws IllegalArgumentException if an array is not {@value #WORDS} words long
     */
    public IrisCode {
        bits = Objects.requireNonNull(bits, "bits").clone();
        mask = Objects.requireNonNull(mask, "mask").clone();
        if (bits.length != WORDS || mask.length != WORDS) {
            throw new IllegalArgumentException("an IrisCode is " + WORDS + " words of bits and of mask");
        }
    }

    /**
     * The code bits.
     *
     * @return a copy
     */
    @Override
    public long[] bits() {
        return bits.clone();
    }

    /**
     * The mask bits.
     *
     * @return a copy
     */
    @Override
    public long[] mask() {
        return mask.clone();
    }

    /**
     * One code bit.
     *
     * @param index 0 to {@value #BITS} - 1
     * @return the bit
     */
    public boolean bit(final int index) {
        return (bits[index >>> 6] >>> (index & 63) & 1L) != 0;
    }

    /**
     * One mask bit.
     *
     * @param index 0 to {@value #BITS} - 1
     * @return {@code true} if the code bit is valid
     */
    public boolean valid(final int index) {
        return (mask[index >>> 6] >>> (index & 63) & 1L) != 0;
    }

    /**
     * How many code bits are valid.
     *
     * @return 0 to {@value #BITS}
     */
    public int validBits() {
        int count = 0;
        for (final long word : mask) {
            count += Long.bitCount(word);
        }
        return count;
    }

    /**
     * The code of the same eye turned by whole angular steps: bit {@code i} moves to {@code i + steps *}
     * {@value #BITS_PER_ANGLE}, wrapping around.
     *
     * @param steps angular steps, negative for the other way
     * @return the rotated code
     */
    public IrisCode rotated(final int steps) {
        return new IrisCode(rotate(bits, steps * BITS_PER_ANGLE), rotate(mask, steps * BITS_PER_ANGLE));
    }

    /** Rotates a packed {@value #BITS}-bit string towards higher indices by {@code shift} bits. */
    static long[] rotate(final long[] words, final int shift) {
        final int n = words.length;
        final int total = n * Long.SIZE;
        final int k = Math.floorMod(shift, total);
        final int wordShift = k >>> 6;
        final int bitShift = k & 63;
        final long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            final long low = words[Math.floorMod(i - wordShift, n)];
            if (bitShift == 0) {
                out[i] = low;
            } else {
                final long below = words[Math.floorMod(i - wordShift - 1, n)];
                out[i] = (low << bitShift) | (below >>> (Long.SIZE - bitShift));
            }
        }
        return out;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof IrisCode that && Arrays.equals(bits, that.bits) && Arrays.equals(mask, that.mask);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bits) + Arrays.hashCode(mask);
    }

    /** Never prints the bits: an IrisCode is biometric data. */
    @Override
    public String toString() {
        return "IrisCode[" + validBits() + " of " + BITS + " bits valid]";
    }
}
