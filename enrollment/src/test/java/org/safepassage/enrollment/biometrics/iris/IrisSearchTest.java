package org.safepassage.enrollment.biometrics.iris;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IrisSearchTest {
    private static final int GALLERY = 5_000;

    @Test
    void finds_the_enrolled_eye_turned_and_noisy_and_nobody_else() {
        final SplittableRandom random = new SplittableRandom(7);
        final IrisSearch search = new IrisSearch();
        boolean[] target = null;
        for (int i = 0; i < GALLERY; i++) {
            final boolean[] eye = SyntheticIrisCodes.eye(random);
            if (i == 1234) {
                target = eye;
            }
            search.add("subject-" + i, SyntheticIrisCodes.capture(eye, 0.05, 0, random));
        }

        final List<IrisCandidate> found =
                search.search(SyntheticIrisCodes.capture(target, 0.12, 4, random), IrisMatcher.DEFAULT_THRESHOLD);

        assertThat(found).extracting(IrisCandidate::subjectId).containsExactly("subject-1234");
        assertThat(found.get(0).score().shift()).isEqualTo(-4);
    }

    @Test
    void returns_exactly_what_a_naive_bit_by_bit_search_returns() {
        final SplittableRandom random = new SplittableRandom(8);
        final IrisSearch search = new IrisSearch();
        final NaiveIrisSearch naive = new NaiveIrisSearch();
        final boolean[][] eyes = new boolean[300][];
        for (int i = 0; i < eyes.length; i++) {
            eyes[i] = SyntheticIrisCodes.eye(random);
            final IrisCode code = SyntheticIrisCodes.capture(eyes[i], 0.05, 0, random);
            search.add("s" + i, code);
            naive.add("s" + i, code);
        }
        for (int probe = 0; probe < 5; probe++) {
            final IrisCode code = SyntheticIrisCodes.capture(eyes[probe * 50], 0.15, probe - 2, random);

            // A generous threshold so that impostors are in the lists too and their order is compared as well.
            assertThat(search.search(code, 0.47)).isEqualTo(naive.search(code, 0.47));
        }
    }

    @Test
    void synthetic_impostors_have_daugmans_binomial_spread() {
        final SplittableRandom random = new SplittableRandom(9);
        double sum = 0;
        double sumSquares = 0;
        final int pairs = 2_000;
        for (int i = 0; i < pairs; i++) {
            final IrisCode a = SyntheticIrisCodes.capture(SyntheticIrisCodes.eye(random), 0, 0, random);
            final IrisCode b = SyntheticIrisCodes.capture(SyntheticIrisCodes.eye(random), 0, 0, random);
            final IrisScore score = IrisMatcher.score(a.bits(), a.mask(), b.bits(), b.mask(), 0);
            sum += score.rawDistance();
            sumSquares += score.rawDistance() * score.rawDistance();
        }
        final double mean = sum / pairs;
        final double variance = sumSquares / pairs - mean * mean;

        assertThat(mean).isBetween(0.49, 0.51);
        // Degrees of freedom p(1-p)/σ²: about 249, a little fewer where eyelids mask bits.
        assertThat(mean * (1 - mean) / variance).isBetween(200.0, 290.0);
    }
}
