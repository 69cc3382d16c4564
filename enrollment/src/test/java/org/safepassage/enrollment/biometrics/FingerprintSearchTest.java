package org.safepassage.enrollment.biometrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FingerprintSearchTest {
    private static final Logger LOG = Logger.getLogger(FingerprintSearchTest.class.getName());
    /** Fingers 0..ENROLLED-1 are in the gallery; the rest are never enrolled. */
    private static final int ENROLLED = 6;

    private final SyntheticFingers fingers = SyntheticFingers.get();
    private final FingerprintSearch search = FingerprintSearch.withThreshold(FingerprintSearch.DEFAULT_THRESHOLD);
    private Gallery gallery;

    @BeforeEach
    void enroll_the_first_fingers() {
        gallery = Gallery.inMemory();
        for (int finger = 0; finger < ENROLLED; finger++) {
            gallery.put(SyntheticFingers.subjectId(finger), fingers.template(finger, 0));
        }
    }

    @Nested
    class Verify {
        @Test
        void every_genuine_pair_scores_above_the_threshold_and_every_impostor_pair_below() {
            double genuineMin = Double.MAX_VALUE;
            double impostorMax = 0;
            for (int finger = 0; finger < SyntheticFingers.FINGERS; finger++) {
                for (int impression = 1; impression < SyntheticFingers.IMPRESSIONS; impression++) {
                    final Verification genuine =
                            search.verify(fingers.template(finger, impression), fingers.template(finger, 0));
                    assertThat(genuine.matched()).as("finger %d impression %d", finger, impression).isTrue();
                    genuineMin = Math.min(genuineMin, genuine.score());
                }
                for (int other = 0; other < SyntheticFingers.FINGERS; other++) {
                    if (other != finger) {
                        final Verification impostor =
                                search.verify(fingers.template(other, 1), fingers.template(finger, 0));
                        assertThat(impostor.matched()).as("finger %d against %d", other, finger).isFalse();
                        impostorMax = Math.max(impostorMax, impostor.score());
                    }
                }
            }
            LOG.info(String.format(Locale.ROOT, "synthetic scores: genuine min %.1f, impostor max %.1f, threshold %.0f",
                    genuineMin, impostorMax, search.threshold()));
        }

        @Test
        void reports_the_score_and_threshold() {
            final Verification result = search.verify(fingers.template(0, 1), fingers.template(0, 0));

            assertThat(result.threshold()).isEqualTo(40);
            assertThat(result.score()).isGreaterThanOrEqualTo(40);
        }

        @Test
        void a_higher_threshold_turns_a_match_into_a_non_match() {
            final double score = search.verify(fingers.template(0, 1), fingers.template(0, 0)).score();
            final FingerprintSearch strict = FingerprintSearch.withThreshold(score + 1);

            assertThat(strict.verify(fingers.template(0, 1), fingers.template(0, 0)).matched()).isFalse();
            assertThat(strict.identify(fingers.template(0, 1), gallery)).isEmpty();
        }

        @Test
        void refuses_a_threshold_that_is_not_positive_and_finite() {
            for (final double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
                assertThatThrownBy(() -> FingerprintSearch.withThreshold(bad))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Nested
    class Identify {
        @Test
        void finds_each_enrolled_subject_from_a_later_scan() {
            for (int finger = 0; finger < ENROLLED; finger++) {
                final int expected = finger;
                assertThat(search.identify(fingers.template(finger, 2), gallery))
                        .hasValueSatisfying(candidate -> {
                            assertThat(candidate.subjectId()).isEqualTo(SyntheticFingers.subjectId(expected));
                            assertThat(candidate.score()).isGreaterThanOrEqualTo(40);
                        });
            }
        }

        @Test
        void finds_nobody_for_a_finger_never_enrolled() {
            assertThat(search.identify(fingers.template(ENROLLED, 1), gallery)).isEmpty();
        }

        @Test
        void no_longer_finds_an_erased_subject() {
            assertThat(gallery.remove(SyntheticFingers.subjectId(2))).isTrue();

            assertThat(search.identify(fingers.template(2, 1), gallery)).isEmpty();
            assertThat(gallery.find(SyntheticFingers.subjectId(2))).isEmpty();
            assertThat(gallery.size()).isEqualTo(ENROLLED - 1);
        }
    }

    @Nested
    class Deduplicate {
        @Test
        void refers_a_second_enrollment_of_the_same_finger_to_a_supervisor() {
            final Deduplication result = search.deduplicate(fingers.template(3, 1), gallery);

            assertThat(result).isInstanceOfSatisfying(Deduplication.DuplicateReferral.class, referral -> {
                assertThat(referral.best().subjectId()).isEqualTo(SyntheticFingers.subjectId(3));
                assertThat(referral.candidates()).extracting(MatchCandidate::subjectId)
                        .containsExactly(SyntheticFingers.subjectId(3));
            });
        }

        @Test
        void lists_every_hit_best_first_when_a_finger_was_enrolled_twice() {
            gallery.put("subj-again", fingers.template(3, 2));

            final Deduplication result = search.deduplicate(fingers.template(3, 1), gallery);

            assertThat(result).isInstanceOfSatisfying(Deduplication.DuplicateReferral.class, referral -> {
                assertThat(referral.candidates()).extracting(MatchCandidate::subjectId)
                        .containsExactlyInAnyOrder(SyntheticFingers.subjectId(3), "subj-again");
                assertThat(referral.candidates().get(0).score())
                        .isGreaterThanOrEqualTo(referral.candidates().get(1).score());
            });
        }

        @Test
        void lets_a_new_finger_through() {
            assertThat(search.deduplicate(fingers.template(ENROLLED + 1, 0), gallery))
                    .isInstanceOf(Deduplication.Unique.class);
        }

        @Test
        void lets_anyone_through_an_empty_gallery() {
            assertThat(search.deduplicate(fingers.template(0, 0), Gallery.inMemory()))
                    .isInstanceOf(Deduplication.Unique.class);
        }
    }
}
