package org.safepassage.enrollment.biometrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.machinezoo.sourceafis.FingerprintMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

        @Test
        void no_longer_finds_a_subject_erased_after_a_search() {
            assertThat(search.identify(fingers.template(2, 1), gallery)).isPresent();

            gallery.remove(SyntheticFingers.subjectId(2));

            assertThat(search.identify(fingers.template(2, 1), gallery)).isEmpty();
        }

        @Test
        void finds_a_subject_enrolled_after_a_search() {
            assertThat(search.identify(fingers.template(ENROLLED, 1), gallery)).isEmpty();

            gallery.put("late", fingers.template(ENROLLED, 0));

            assertThat(search.identify(fingers.template(ENROLLED, 1), gallery))
                    .hasValueSatisfying(candidate -> assertThat(candidate.subjectId()).isEqualTo("late"));
        }
    }

    @Nested
    class Parallel {
        /* A low threshold, so that impostors are candidates too and the ordering is exercised on long lists. */
        private final FingerprintSearch loose = FingerprintSearch.withThreshold(8);
        private final Gallery large = Gallery.inMemory();
        private final List<FingerprintTemplateBytes> probes = new ArrayList<>();

        @BeforeEach
        void enroll_a_few_hundred_iso_templates() {
            final MinutiaFinger.Capture capture = MinutiaFinger.Capture.calibrated();
            for (int subject = 0; subject < 400; subject++) {
                final MinutiaFinger finger = MinutiaFinger.generate(50_000 + subject);
                large.put(String.format(Locale.ROOT, "iso-%03d", subject), finger.template(subject * 10L, capture));
                if (subject % 10 == 0) {
                    probes.add(finger.template(subject * 10L + 1, capture));
                }
            }
            // Equal scores: the same template under two ids must come out in subject id order.
            final FingerprintTemplateBytes twin = MinutiaFinger.generate(50_000).template(0, capture);
            large.put("twin-b", twin);
            large.put("twin-a", twin);
        }

        @Test
        void parallel_and_sequential_searches_give_identical_candidates() {
            final FingerprintSearch sequential = loose.withParallelism(1);
            final FingerprintSearch sliced = loose.withParallelism(5);
            int candidates = 0;
            for (final FingerprintTemplateBytes probe : probes) {
                final Deduplication expected = plainLoop(probe);

                assertThat(sequential.deduplicate(probe, large)).isEqualTo(expected);
                assertThat(sliced.deduplicate(probe, large)).isEqualTo(expected);
                assertThat(loose.deduplicate(probe, large)).isEqualTo(expected);
                assertThat(sliced.identify(probe, large)).isEqualTo(sequential.identify(probe, large));
                if (expected instanceof Deduplication.DuplicateReferral referral) {
                    candidates += referral.candidates().size();
                }
            }
            assertThat(candidates).as("candidates over all probes").isGreaterThan(2 * probes.size());
        }

        @Test
        void breaks_equal_scores_by_subject_id() {
            final FingerprintTemplateBytes probe = MinutiaFinger.generate(50_000)
                    .template(1, MinutiaFinger.Capture.calibrated());

            final Deduplication result = search.withParallelism(3).deduplicate(probe, large);

            assertThat(result).isInstanceOfSatisfying(Deduplication.DuplicateReferral.class, referral ->
                    assertThat(referral.candidates()).extracting(MatchCandidate::subjectId)
                            .startsWith("iso-000", "twin-a", "twin-b"));
        }

        @Test
        void refuses_a_parallelism_below_one() {
            assertThatThrownBy(() -> search.withParallelism(0)).isInstanceOf(IllegalArgumentException.class);
            assertThat(search.withParallelism(3).parallelism()).isEqualTo(3);
            assertThat(search.withParallelism(3).threshold()).isEqualTo(search.threshold());
        }

        /* What FingerprintSearch did before it was parallel: one matcher, one pass over the gallery. */
        private Deduplication plainLoop(final FingerprintTemplateBytes probe) {
            final FingerprintMatcher matcher = new FingerprintMatcher(probe.template());
            final List<MatchCandidate> hits = new ArrayList<>();
            large.forEach((subjectId, template) -> {
                final double score = matcher.match(template.template());
                if (score >= loose.threshold()) {
                    hits.add(new MatchCandidate(subjectId, score));
                }
            });
            hits.sort(Comparator.comparingDouble(MatchCandidate::score).reversed()
                    .thenComparing(MatchCandidate::subjectId));
            return hits.isEmpty() ? new Deduplication.Unique() : new Deduplication.DuplicateReferral(hits);
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

    @Nested
    class ShortList {
        @Test
        void scores_only_the_listed_entries_and_skips_keys_no_longer_enrolled() {
            final FingerprintTemplateBytes probe = fingers.template(2, 1);
            final String mate = SyntheticFingers.subjectId(2);
            assertThat(search.deduplicate(probe, gallery, List.of(SyntheticFingers.subjectId(1), mate, "erased")))
                    .isInstanceOfSatisfying(Deduplication.DuplicateReferral.class,
                            referral -> assertThat(referral.best().subjectId()).isEqualTo(mate));
            assertThat(search.deduplicate(probe, gallery, List.of(SyntheticFingers.subjectId(1), "erased")))
                    .isInstanceOf(Deduplication.Unique.class);
        }
    }
}
