package org.safepassage.enrollment.biometrics.index;

import java.util.Random;

/**
 * Locality-sensitive hashing of cylinders by MinHash (Broder 1997) over their set cells: each of L hash functions
 * concatenates k minima of the set cells' ranks under fixed random permutations, so two cylinders collide on a
 * function with probability J^k, J the Jaccard similarity of their set cells.
 *
 * <p>Why not bit sampling, the indexing paper's LSH for Hamming space: a bit cylinder of these captures has most
 * cells empty (8% set on average), so sampled bits are mostly zeros on which unrelated cylinders agree too. Measured
 * on the synthetic set (docs/biometrics.md), mated and unrelated cylinders agreed on 92% and 90% of bits and mated
 * probes ranked no better than at random under bit sampling; under MinHash the median mate ranked in the top 0.1%.
 * Immutable and thread-safe.
 */
final class MinHashing {
    private static final int RANK_BITS = 10;

    /* rank[l * k + j][bit]: the bit's position in permutation j of function l. */
    private final int[][] rank;
    private final int functions;
    private final int keyLength;
    private final int minBits;

    MinHashing(final IndexParameters parameters, final int bits) {
        if (bits > 1 << RANK_BITS) {
            throw new IllegalArgumentException("at most " + (1 << RANK_BITS) + " cells per cylinder");
        }
        functions = parameters.hashFunctions();
        keyLength = parameters.keyLength();
        minBits = parameters.minCylinderBits();
        final Random random = new Random(parameters.seed());
        rank = new int[functions * keyLength][bits];
        for (final int[] permutation : rank) {
            for (int i = 0; i < bits; i++) {
                permutation[i] = i;
            }
            for (int i = bits - 1; i > 0; i--) {
                final int j = random.nextInt(i + 1);
                final int swap = permutation[i];
                permutation[i] = permutation[j];
                permutation[j] = swap;
            }
        }
    }

    int functions() {
        return functions;
    }

    /**
     * The values of every hash function for a cylinder, or {@code null} when it has too few set cells to say
     * anything (an almost empty cylinder would collide with every other almost empty one).
     */
    int[] hashes(final long[] cylinder) {
        int set = 0;
        for (final long word : cylinder) {
            set += Long.bitCount(word);
        }
        if (set < minBits) {
            return null;
        }
        final int[] bits = new int[set];
        int count = 0;
        for (int w = 0; w < cylinder.length; w++) {
            long word = cylinder[w];
            while (word != 0) {
                bits[count++] = w * 64 + Long.numberOfTrailingZeros(word);
                word &= word - 1;
            }
        }
        final int[] values = new int[functions];
        for (int l = 0; l < functions; l++) {
            int value = 0;
            for (int j = 0; j < keyLength; j++) {
                final int[] permutation = rank[l * keyLength + j];
                int min = Integer.MAX_VALUE;
                for (final int bit : bits) {
                    min = Math.min(min, permutation[bit]);
                }
                value = value << RANK_BITS | min;
            }
            values[l] = value;
        }
        return values;
    }
}
