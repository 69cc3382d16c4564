package org.safepassage.enrollment.biometrics.iris;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The public part of an {@code iris-fc-v1} commitment, kept in the vault encrypted under the subject's data key: the
 * code offset (the ECC codeword XOR the enrolled IrisCode) and the enrolled mask. Neither the IrisCode nor the key can
 * be read from it without a capture of the same eye; it does leak something (the mask is the enrolled eyelid shape,
 * and IrisCode bits are correlated, see docs/biometrics.md), which is why it is encrypted rather than public.
 *
 * @param offset the code offset, {@value IrisCode#WORDS} words
 * @param mask the enrolled mask, {@value IrisCode#WORDS} words
 */
public record IrisHelperData(long[] offset, long[] mask) {
    /** Format version of {@link #toBytes()}. */
    public static final byte VERSION = 1;
    private static final int LENGTH = 1 + 2 * IrisCode.WORDS * Long.BYTES;

    /**
     * Checks the lengths and copies the arrays.
     *
     * @throws NullPointerException if an array is {@code null}
     * @throws IllegalArgumentException if an array is not {@value IrisCode#WORDS} words long
     */
    public IrisHelperData {
        offset = Objects.requireNonNull(offset, "offset").clone();
        mask = Objects.requireNonNull(mask, "mask").clone();
        if (offset.length != IrisCode.WORDS || mask.length != IrisCode.WORDS) {
            throw new IllegalArgumentException("helper data is " + IrisCode.WORDS + " words of offset and of mask");
        }
    }

    /**
     * The code offset.
     *
     * @return a copy
     */
    @Override
    public long[] offset() {
        return offset.clone();
    }

    /**
     * The enrolled mask.
     *
     * @return a copy
     */
    @Override
    public long[] mask() {
        return mask.clone();
    }

    /**
     * The stored form: {@code 0x01 ‖ offset ‖ mask}, words big-endian.
     *
     * @return 513 bytes
     */
    public byte[] toBytes() {
        final ByteBuffer buffer = ByteBuffer.allocate(LENGTH).put(VERSION);
        for (final long word : offset) {
            buffer.putLong(word);
        }
        for (final long word : mask) {
            buffer.putLong(word);
        }
        return buffer.array();
    }

    /**
     * Reads the stored form.
     *
     * @param bytes what {@link #toBytes()} wrote
     * @return the helper data
     * @throws IllegalArgumentException if the length or version is wrong
     */
    public static IrisHelperData fromBytes(final byte[] bytes) {
        if (Objects.requireNonNull(bytes, "bytes").length != LENGTH || bytes[0] != VERSION) {
            throw new IllegalArgumentException("not iris-fc-v1 helper data of version " + VERSION);
        }
        final ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, LENGTH - 1);
        final long[] offset = new long[IrisCode.WORDS];
        final long[] mask = new long[IrisCode.WORDS];
        for (int i = 0; i < IrisCode.WORDS; i++) {
            offset[i] = buffer.getLong();
        }
        for (int i = 0; i < IrisCode.WORDS; i++) {
            mask[i] = buffer.getLong();
        }
        return new IrisHelperData(offset, mask);
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof IrisHelperData that && Arrays.equals(offset, that.offset)
                && Arrays.equals(mask, that.mask);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(offset) + Arrays.hashCode(mask);
    }

    /** Never prints the bits: with a capture of the eye they release the key. */
    @Override
    public String toString() {
        return "IrisHelperData[" + LENGTH + " bytes]";
    }
}
