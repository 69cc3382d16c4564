package org.safepassage.enrollment.biometrics.iris;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safepassage.devstack.demo.SyntheticEye;

class IrisMatcherTest {
    private static final int EYES = 3;
    /** Two captures of each of three synthetic eyes through the whole pipeline: [eye][capture]. */
    private static IrisCode[][] codes;

    @BeforeAll
    static void captureEyes() {
        codes = new IrisCode[EYES][2];
        for (int eye = 0; eye < EYES; eye++) {
            for (int c = 0; c < 2; c++) {
                final IrisCaptureResult result =
                        IrisCapture.withDefaults().capture(SyntheticEye.of(eye).capture(SyntheticEye.Kind.GOOD, 10 + c));
                codes[eye][c] = ((IrisCaptureResult.Accepted) result).code();
            }
        }
    }

    @Nested
    class Captures {
        @Test
        void of_the_same_eye_match_far_below_the_threshold() {
            // Margins: a genuine pair at 0.25 or more (half-way to chance) means the encoder lost the texture.
            for (int eye = 0; eye < EYES; eye++) {
                final IrisScore score = IrisMatcher.compare(codes[eye][0], codes[eye][1]);

                assertThat(score.normalizedDistance()).isLessThan(0.25);
                assertThat(score.bitsCompared()).isGreaterThan(1_000);
            }
        }

        @Test
        void of_different_eyes_stay_near_chance_above_the_threshold() {
            // An encoder that ignores the image (constant or position-only bits) would give impostors near 0 here.
            for (int a = 0; a < EYES; a++) {
                for (int b = 0; b < EYES; b++) {
                    if (a != b) {
                        assertThat(IrisMatcher.compare(codes[a][0], codes[b][1]).normalizedDistance()).isGreaterThan(
                                0.36);
                    }
                }
            }
        }
    }

    @Nested
    class Rotation {
        @Test
        void finds_a_turned_code_at_distance_zero_and_reports_the_turn() {
            final IrisCode code = codes[0][0];

            final IrisScore score = IrisMatcher.compare(code, code.rotated(-5));

            assertThat(score.rawDistance()).isZero();
            assertThat(score.shift()).isEqualTo(5);
        }

        @Test
        void turning_a_full_circle_gives_back_the_code() {
            assertThat(codes[1][0].rotated(IrisCode.ANGLES)).isEqualTo(codes[1][0]);
            assertThat(codes[1][0].rotated(3).rotated(-3)).isEqualTo(codes[1][0]);
        }
    }

    @Nested
    class Masks {
        @Test
        void bits_masked_in_either_code_do_not_count() {
            final SplittableRandom random = new SplittableRandom(1);
            final long[] bits = new long[IrisCode.WORDS];
            final long[] half = new long[IrisCode.WORDS];
            for (int w = 0; w < IrisCode.WORDS; w++) {
                bits[w] = random.nextLong();
                half[w] = w % 2 == 0 ? -1L : 0L;
            }
            final long[] flipped = bits.clone();
            for (int w = 1; w < IrisCode.WORDS; w += 2) {
                flipped[w] = ~flipped[w];
            }

            final IrisScore score = IrisMatcher.compare(new IrisCode(bits, half), new IrisCode(flipped, half));

            assertThat(score.rawDistance()).isZero();
            assertThat(score.bitsCompared()).isEqualTo(IrisCode.BITS / 2);
        }

        @Test
        void nothing_compared_is_no_match() {
            final IrisCode none = new IrisCode(new long[IrisCode.WORDS], new long[IrisCode.WORDS]);

            assertThat(IrisMatcher.compare(none, none).normalizedDistance()).isEqualTo(1.0);
        }
    }
}
