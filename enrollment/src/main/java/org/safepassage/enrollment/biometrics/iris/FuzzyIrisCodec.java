package org.safepassage.enrollment.biometrics.iris;

import com.google.zxing.common.reedsolomon.GenericGF;
import com.google.zxing.common.reedsolomon.ReedSolomonDecoder;
import com.google.zxing.common.reedsolomon.ReedSolomonEncoder;
import com.google.zxing.common.reedsolomon.ReedSolomonException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The error-correcting part of a fuzzy commitment (Juels and Wattenberg 1999) on IrisCodes, built as Hao, Anderson and
 * Daugman (2006) built theirs: a key of {@code dataSymbols} 7-bit symbols is Reed-Solomon encoded over GF(2^7) into 32
 * symbols, each symbol is Hadamard encoded into 64 bits, and the 2,048-bit result is XORed with the IrisCode. The
 * Hadamard code removes the scattered bit errors between two captures of one eye; the Reed-Solomon code repairs the
 * blocks where the Hadamard code failed, correcting up to {@code (32 - dataSymbols) / 2} of them.
 *
 * <p>One deliberate difference: block {@code b} holds IrisCode bits {@code b, b + 32, b + 64, ...}, spread over the
 * whole iris, not 64 adjacent bits. An eyelid then costs every block a little instead of costing a few blocks
 * everything, which the soft Hadamard decoder absorbs (measured in docs/biometrics.md).
 */
final class FuzzyIrisCodec {
    /** Reed-Solomon symbols, one per Hadamard block. */
    static final int BLOCKS = IrisCode.BITS / HadamardCode.LENGTH;
    /* GF(2^7) with the primitive polynomial x^7 + x^3 + 1 and generator base 1. */
    private static final GenericGF FIELD = new GenericGF(0x89, 128, 1);

    private final int dataSymbols;

    FuzzyIrisCodec(final int dataSymbols) {
        if (dataSymbols < 1 || dataSymbols >= BLOCKS) {
            throw new IllegalArgumentException("data symbols must be 1 to " + (BLOCKS - 1));
        }
        this.dataSymbols = dataSymbols;
    }

    int dataSymbols() {
        return dataSymbols;
    }

    /** The 2,048-bit codeword of a key of {@code dataSymbols} symbols, packed like an IrisCode. */
    long[] encode(final int[] key) {
        final int[] symbols = Arrays.copyOf(key, BLOCKS);
        new ReedSolomonEncoder(FIELD).encode(symbols, BLOCKS - dataSymbols);
        final long[] codeword = new long[IrisCode.WORDS];
        for (int b = 0; b < BLOCKS; b++) {
            for (int j = 0; j < HadamardCode.LENGTH; j++) {
                if (HadamardCode.bit(symbols[b], j) != 0) {
                    final int index = b + BLOCKS * j;
                    codeword[index >>> 6] |= 1L << (index & 63);
                }
            }
        }
        return codeword;
    }

    /** A key the decoder released at one rotation, with how many Reed-Solomon symbols it had to correct. */
    record Release(int[] key, int shift, int correctedSymbols) {}

    /**
     * Tries every rotation of the fresh code and returns each key that decodes, fewest corrections first. A wrong key
     * is possible in principle (a word within the correction radius of another codeword) but the commitment check
     * catches it.
     */
    List<Release> release(final long[] offset, final long[] enrolledMask, final IrisCode fresh) {
        final List<Release> releases = new ArrayList<>();
        final ReedSolomonDecoder decoder = new ReedSolomonDecoder(FIELD);
        final int[] soft = new int[HadamardCode.LENGTH];
        for (int shift = -IrisMatcher.MAX_SHIFT; shift <= IrisMatcher.MAX_SHIFT; shift++) {
            final IrisCode turned = fresh.rotated(shift);
            final long[] bits = turned.bits();
            final long[] mask = turned.mask();
            final int[] symbols = new int[BLOCKS];
            for (int b = 0; b < BLOCKS; b++) {
                for (int j = 0; j < HadamardCode.LENGTH; j++) {
                    final int index = b + BLOCKS * j;
                    final int w = index >>> 6;
                    final long m = 1L << (index & 63);
                    if ((enrolledMask[w] & mask[w] & m) == 0) {
                        soft[j] = 0;
                    } else {
                        soft[j] = ((offset[w] ^ bits[w]) & m) == 0 ? 1 : -1;
                    }
                }
                symbols[b] = HadamardCode.decode(soft);
            }
            try {
                final int corrected = decoder.decodeWithECCount(symbols, BLOCKS - dataSymbols);
                releases.add(new Release(Arrays.copyOf(symbols, dataSymbols), shift, corrected));
            } catch (ReedSolomonException | RuntimeException e) {
                // Too many block errors at this rotation: not this eye, or not this angle.
            }
        }
        releases.sort((a, b) -> a.correctedSymbols() != b.correctedSymbols()
                ? Integer.compare(a.correctedSymbols(), b.correctedSymbols())
                : Integer.compare(Math.abs(a.shift()), Math.abs(b.shift())));
        return releases;
    }
}
