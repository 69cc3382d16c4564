package org.safepassage.enrollment.biometrics.iris;

/**
 * The [64, 7, 32] Hadamard code (first-order Reed-Muller RM(1,6)) of Hao, Anderson and Daugman's iris key scheme: a
 * 7-bit symbol {@code s} becomes the 64 bits {@code c_j = parity(s & 63 & j) XOR (s >> 6)}. Any two codewords differ
 * in at least 32 bits, so up to 15 bit errors per block are always corrected, and most patterns up to about 25%.
 *
 * <p>Decoding is maximum-likelihood by the fast Walsh-Hadamard transform over soft values: +1 and -1 for a received 0
 * or 1, and 0 for a bit masked in either capture (an erasure costs half an error), which is why the scheme keeps the
 * masks.
 */
final class HadamardCode {
    /** Bits per codeword. */
    static final int LENGTH = 64;
    /** Bits per symbol. */
    static final int SYMBOL_BITS = 7;

    private HadamardCode() {}

    /** Bit {@code j} of the codeword of {@code symbol}. */
    static int bit(final int symbol, final int j) {
        return (Integer.bitCount(symbol & 63 & j) & 1) ^ (symbol >>> 6 & 1);
    }

    /**
     * The most likely symbol.
     *
     * @param soft 64 values in {-1, 0, +1}: +1 for a received 0, -1 for a received 1, 0 for an erasure; overwritten
     * @return the symbol, 0-127
     */
    static int decode(final int[] soft) {
        for (int h = 1; h < LENGTH; h <<= 1) {
            for (int i = 0; i < LENGTH; i += h << 1) {
                for (int j = i; j < i + h; j++) {
                    final int a = soft[j];
                    final int b = soft[j + h];
                    soft[j] = a + b;
                    soft[j + h] = a - b;
                }
            }
        }
        int best = 0;
        for (int u = 1; u < LENGTH; u++) {
            if (Math.abs(soft[u]) > Math.abs(soft[best])) {
                best = u;
            }
        }
        // A strongly negative correlation is the complemented codeword: the seventh bit.
        return soft[best] < 0 ? best | 64 : best;
    }
}
