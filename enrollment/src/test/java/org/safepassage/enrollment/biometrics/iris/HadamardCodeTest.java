package org.safepassage.enrollment.biometrics.iris;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HadamardCodeTest {
    @Test
    void decodes_every_symbol_with_15_bit_errors_and_some_erasures() {
        final SplittableRandom random = new SplittableRandom(3);
        for (int symbol = 0; symbol < 128; symbol++) {
            final int[] soft = new int[HadamardCode.LENGTH];
            for (int j = 0; j < soft.length; j++) {
                soft[j] = HadamardCode.bit(symbol, j) == 0 ? 1 : -1;
            }
            int errors = 0;
            while (errors < 15) {
                final int j = random.nextInt(soft.length);
                if (Math.abs(soft[j]) == 1 && soft[j] == (HadamardCode.bit(symbol, j) == 0 ? 1 : -1)) {
                    soft[j] = -soft[j];
                    errors++;
                }
            }

            assertThat(HadamardCode.decode(soft)).isEqualTo(symbol);
        }
    }

    @Test
    void codewords_are_at_least_32_bits_apart() {
        for (int a = 0; a < 128; a++) {
            for (int b = a + 1; b < 128; b++) {
                int distance = 0;
                for (int j = 0; j < HadamardCode.LENGTH; j++) {
                    distance += HadamardCode.bit(a, j) ^ HadamardCode.bit(b, j);
                }
                assertThat(distance).isGreaterThanOrEqualTo(32);
            }
        }
    }
}
