package org.safepassage.enrollment.biometrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.machinezoo.sourceafis.FingerprintCompatibility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safepassage.enrollment.biometrics.index.CandidateIndex;
import org.safepassage.enrollment.biometrics.index.IndexParameters;
import org.safepassage.enrollment.biometrics.index.Shortlist;

/**
 * The candidate index (package {@code biometrics.index}) on seeded synthetic ISO templates. It lives beside
 * {@link MinutiaFinger}, whose generator is package-private here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CandidateIndexTest {
    private static final int GALLERY = 2_000;
    private static final int PROBES = 60;
    /* Real captures' variation, with the share of dropped minutiae of a good capture (the calibrated set's worst
     * captures keep half their minutiae, and no index finds all of those: see docs/biometrics.md). */
    private static final MinutiaFinger.Capture GOOD = new MinutiaFinger.Capture(20, 50, 6, 10, 1.2, 4.5, 0.8, 0.95, 0.1,
            0.15, 0.85);

    private final FingerprintSearch search = FingerprintSearch.withThreshold(FingerprintSearch.DEFAULT_THRESHOLD);
    private final IndexParameters parameters = IndexParameters.defaults().withShortlist(0.05, 100);
    private FingerprintTemplateBytes[] enrolled;
    private Gallery gallery;

    @BeforeAll
    void enroll_a_seeded_gallery() {
        enrolled = IntStream.range(0, GALLERY).parallel()
                .mapToObj(s -> MinutiaFinger.generate(s).template(s * 10L, GOOD))
                .toArray(FingerprintTemplateBytes[]::new);
        gallery = Gallery.inMemory();
        for (int s = 0; s < GALLERY; s++) {
            gallery.put(key(s), enrolled[s]);
        }
    }

    private CandidateIndex fullIndex() {
        return fullIndex(parameters);
    }

    private CandidateIndex fullIndex(final IndexParameters with) {
        final CandidateIndex index = CandidateIndex.create(with);
        for (int s = 0; s < GALLERY; s++) {
            index.add(key(s), enrolled[s]);
        }
        return index;
    }

    private static String key(final int subject) {
        return String.format(Locale.ROOT, "subject-%05d", subject);
    }

    private static FingerprintTemplateBytes probe(final int subject) {
        return MinutiaFinger.generate(subject).template(subject * 10L + 1, GOOD);
    }

    /* The short list of every probe holds each candidate the exhaustive search finds; returns the hits checked. */
    private int assertShortListsHoldExhaustiveHits(final IndexParameters with) {
        final CandidateIndex index = fullIndex(with);
        int hits = 0;
        for (int p = 0; p < PROBES; p++) {
            final int subject = p * (GALLERY / PROBES);
            final FingerprintTemplateBytes probe = probe(subject);
            final List<String> exhaustive = new ArrayList<>();
            if (search.deduplicate(probe, gallery) instanceof Deduplication.DuplicateReferral referral) {
                referral.candidates().forEach(candidate -> exhaustive.add(candidate.subjectId()));
            }
            final Shortlist shortlist = index.shortlist(probe);
            assertThat(shortlist).as("probe of %s", key(subject)).isInstanceOf(Shortlist.Ranked.class);
            assertThat(((Shortlist.Ranked) shortlist).keys()).as("short list for %s", key(subject))
                    .hasSize(with.shortlistLength(GALLERY)).containsAll(exhaustive);
            hits += exhaustive.size();
        }
        return hits;
    }

    @Nested
    class Seeded {
        @Test
        void the_default_method_is_the_triangle_vote() {
            assertThat(parameters.method()).isEqualTo(IndexParameters.Method.TRIANGLES);
        }

        @Test
        void mcc_ranking_still_holds_every_candidate_the_exhaustive_search_finds() {
            assertThat(assertShortListsHoldExhaustiveHits(IndexParameters.mccDefaults().withShortlist(0.05, 100)))
                    .isGreaterThan(PROBES / 2);
        }

        @Test
        void a_probe_turned_by_30_degrees_still_ranks_its_mate_first() {
            // The keys are rotation invariant and the vote finds the rotation: a turned capture is no harder.
            final CandidateIndex index = fullIndex();
            int first = 0;
            for (int p = 0; p < 20; p++) {
                final int subject = p * (GALLERY / 20);
                final FingerprintTemplateBytes turned = FingerprintTemplateBytes.of(FingerprintCompatibility
                        .importTemplate(IsoMinutiaRecord.write(MinutiaFinger.SENSOR_WIDTH, MinutiaFinger.SENSOR_HEIGHT,
                                MinutiaFinger.rotated(MinutiaFinger.generate(subject).impression(subject * 10L + 1,
                                        MinutiaFinger.Capture.gentle()), 30), 60)));
                final Shortlist shortlist = index.shortlist(turned);
                if (((Shortlist.Ranked) shortlist).keys().get(0).equals(key(subject))) {
                    first++;
                }
            }
            assertThat(first).isGreaterThanOrEqualTo(18);
        }

        @Test
        void short_list_holds_every_candidate_the_exhaustive_search_finds() {
            assertThat(assertShortListsHoldExhaustiveHits(parameters)).isGreaterThan(PROBES / 2);
        }

        @Test
        void ranks_the_mate_of_a_good_capture_first_most_of_the_time() {
            final CandidateIndex index = fullIndex();
            int first = 0;
            for (int p = 0; p < PROBES; p++) {
                final int subject = p * (GALLERY / PROBES);
                final Shortlist shortlist = index.shortlist(probe(subject));
                if (((Shortlist.Ranked) shortlist).keys().get(0).equals(key(subject))) {
                    first++;
                }
            }
            assertThat(first).isGreaterThan(PROBES * 3 / 4);
        }
    }

    @Nested
    class BulkLoadAndSnapshot {
        @Test
        void a_ranking_split_over_several_threads_gives_the_short_list_of_one() {
            final CandidateIndex index = fullIndex();
            index.remove(key(5)); // a dead id inside the first part
            for (int p = 0; p < 20; p++) {
                final FingerprintTemplateBytes probe = probe(p * (GALLERY / 20));
                final Shortlist one = index.shortlist(probe, 1);
                assertThat(((Shortlist.Ranked) one).keys()).doesNotContain(key(5));
                assertThat(index.shortlist(probe, 2)).isEqualTo(one);
                assertThat(index.shortlist(probe, 3)).isEqualTo(one);
            }
        }

        @Test
        void a_bulk_load_gives_the_short_lists_of_one_add_at_a_time() {
            final CandidateIndex one = fullIndex();
            final CandidateIndex bulk = bulkIndex();
            bulk.trim();

            assertThat(bulk.statistics().postings()).isEqualTo(one.statistics().postings());
            assertThat(bulk.statistics().approximateBytes()).isLessThan(one.statistics().approximateBytes());
            for (int p = 0; p < 20; p++) {
                final FingerprintTemplateBytes probe = probe(p * (GALLERY / 20));
                assertThat(bulk.shortlist(probe)).isEqualTo(one.shortlist(probe));
            }
        }

        @Test
        void a_written_index_reads_back_with_the_same_short_lists_and_without_removed_entries() throws IOException {
            final CandidateIndex index = bulkIndex();
            index.remove(key(600));
            index.add(key(700), enrolled[900]);
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            index.writeTo(new DataOutputStream(bytes));

            final CandidateIndex read = CandidateIndex.readFrom(new DataInputStream(
                    new ByteArrayInputStream(bytes.toByteArray())), parameters);
            // Written without the removed entries' postings, so it ranks as the index compacted does (the dead
            // postings count towards a list's length, which decides whether the list is skipped).
            index.compact();

            assertThat(read.size()).isEqualTo(GALLERY - 1);
            assertThat(read.statistics().deadEntries()).isZero();
            assertThat(read.keys()).containsExactlyInAnyOrderElementsOf(index.keys());
            for (int p = 0; p < 20; p++) {
                final FingerprintTemplateBytes probe = probe(p * (GALLERY / 20));
                assertThat(read.shortlist(probe)).isEqualTo(index.shortlist(probe));
            }
            assertThat(((Shortlist.Ranked) read.shortlist(probe(600))).keys()).doesNotContain(key(600));
            // It keeps growing like any index.
            read.add(key(600), enrolled[600]);
            assertThat(((Shortlist.Ranked) read.shortlist(probe(600))).keys().get(0)).isEqualTo(key(600));
        }

        @Test
        void an_index_is_not_read_under_other_parameters_nor_when_cut_off() throws IOException {
            final CandidateIndex index = bulkIndex();
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            index.writeTo(new DataOutputStream(bytes));
            final byte[] written = bytes.toByteArray();

            assertThatThrownBy(() -> CandidateIndex.readFrom(new DataInputStream(new ByteArrayInputStream(written)),
                    IndexParameters.mccDefaults())).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> CandidateIndex.readFrom(new DataInputStream(new ByteArrayInputStream(
                    Arrays.copyOf(written, written.length / 2))), parameters)).isInstanceOf(IOException.class);
        }

        private CandidateIndex bulkIndex() {
            final CandidateIndex index = CandidateIndex.create(parameters);
            for (int from = 0; from < GALLERY; from += 300) {
                final int to = Math.min(GALLERY, from + 300);
                index.addAll(IntStream.range(from, to).mapToObj(CandidateIndexTest::key).toList(),
                        IntStream.range(from, to).mapToObj(s -> index.hash(enrolled[s])).toList());
            }
            return index;
        }
    }

    @Nested
    class EdgeCases {
        @Test
        void empty_index_sends_every_search_to_the_exhaustive_path() {
            final CandidateIndex index = CandidateIndex.create(parameters);
            assertThat(index.shortlist(probe(1))).isEqualTo(new Shortlist.Exhaustive(Shortlist.Why.SMALL_GALLERY));
            assertThat(index.size()).isZero();
        }

        @Test
        void gallery_smaller_than_a_short_list_is_searched_exhaustively() {
            final CandidateIndex index = CandidateIndex.create(parameters);
            for (int s = 0; s < 50; s++) {
                index.add(key(s), enrolled[s]);
            }
            assertThat(index.shortlist(probe(1))).isEqualTo(new Shortlist.Exhaustive(Shortlist.Why.SMALL_GALLERY));
        }

        @Test
        void removed_entry_is_never_listed_again_even_after_compaction() {
            final CandidateIndex index = fullIndex();
            final int subject = 600;
            assertThat(ranked(index, probe(subject))).contains(key(subject));
            assertThat(index.remove(key(subject))).isTrue();
            assertThat(index.remove(key(subject))).isFalse();
            assertThat(ranked(index, probe(subject))).doesNotContain(key(subject));
            assertThat(index.statistics().deadEntries()).isEqualTo(1);
            index.compact();
            assertThat(index.statistics().deadEntries()).isZero();
            assertThat(index.size()).isEqualTo(GALLERY - 1);
            assertThat(ranked(index, probe(subject))).doesNotContain(key(subject));
            // Renumbering kept everyone else findable.
            assertThat(ranked(index, probe(601))).contains(key(601));
        }

        @Test
        void adding_an_existing_key_replaces_its_template() {
            final CandidateIndex index = fullIndex();
            // Subject 700 re-enrolls with another finger's template (as a renewal with a new capture would).
            index.add(key(700), enrolled[900]);
            assertThat(index.size()).isEqualTo(GALLERY);
            assertThat(ranked(index, probe(900))).contains(key(700), key(900));
        }

        @Test
        void probe_with_too_few_minutiae_falls_back_to_the_exhaustive_search() {
            final CandidateIndex index = fullIndex();
            final FingerprintTemplateBytes sparse = fewMinutiae(3);
            assertThat(index.shortlist(sparse))
                    .isEqualTo(new Shortlist.Exhaustive(Shortlist.Why.PROBE_TOO_FEW_MINUTIAE));
        }

        @Test
        void enrolled_template_with_too_few_minutiae_is_on_every_short_list() {
            final CandidateIndex index = fullIndex();
            index.add("sparse", fewMinutiae(3));
            assertThat(index.statistics().unranked()).isEqualTo(1);
            assertThat(ranked(index, probe(5))).contains("sparse");
            assertThat(ranked(index, probe(1_500))).contains("sparse");
            index.remove("sparse");
            assertThat(ranked(index, probe(5))).doesNotContain("sparse");
        }

        private List<String> ranked(final CandidateIndex index, final FingerprintTemplateBytes probe) {
            final Shortlist shortlist = index.shortlist(probe);
            assertThat(shortlist).isInstanceOf(Shortlist.Ranked.class);
            return ((Shortlist.Ranked) shortlist).keys();
        }

        /* A capture the extractor found almost nothing in: a few minutiae far apart. */
        private FingerprintTemplateBytes fewMinutiae(final int count) {
            final List<SyntheticMinutia> minutiae = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                minutiae.add(new SyntheticMinutia(40 + 110 * i, 60 + 130 * i, 0.5 * i, SyntheticMinutia.Type.ENDING));
            }
            return FingerprintTemplateBytes.of(FingerprintCompatibility.importTemplate(IsoMinutiaRecord.write(
                    MinutiaFinger.SENSOR_WIDTH, MinutiaFinger.SENSOR_HEIGHT, minutiae, 60)));
        }
    }
}
