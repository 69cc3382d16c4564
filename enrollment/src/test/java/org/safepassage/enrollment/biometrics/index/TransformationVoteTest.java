package org.safepassage.enrollment.biometrics.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * The vote's clustering against a plain count over the eight shifted grids: the one-pass hash count must find the
 * same largest cluster, or the index would rank mates differently from what docs/biometrics.md describes.
 */
class TransformationVoteTest {
    private static final TriangleParameters PARAMETERS = TriangleParameters.defaults();
    private static final int HALF_TURNS = 2 * PARAMETERS.rotationCells();

    @Test
    void the_largest_cluster_is_the_fullest_cell_of_any_shifted_grid() {
        final Random random = new Random(13);
        final TransformationVote vote = new TransformationVote(PARAMETERS);
        for (int entry = 0; entry < 2_000; entry++) {
            final int n = 2 + random.nextInt(entry % 10 == 0 ? 3_000 : 60);
            // Scattered votes, plus for most entries a tight cluster straddling cell edges, as a mate's would.
            final int[] votes = new int[n];
            final int clustered = random.nextInt(n);
            final int r0 = random.nextInt(HALF_TURNS);
            final int x0 = 400 + random.nextInt(200);
            final int y0 = 400 + random.nextInt(200);
            for (int i = 0; i < n; i++) {
                votes[i] = i < clustered
                        ? pack((r0 + random.nextInt(2)) % HALF_TURNS, x0 + random.nextInt(3), y0 + random.nextInt(3))
                        : pack(random.nextInt(HALF_TURNS), random.nextInt(1024), random.nextInt(1024));
            }
            assertEquals(plainCount(votes), vote.largestCluster(votes), "entry " + entry + " of " + n + " votes");
        }
    }

    @Test
    void a_cluster_across_the_full_turn_is_one_cluster() {
        final int[] votes = {pack(HALF_TURNS - 1, 500, 500), pack(0, 500, 500), pack(0, 501, 500), pack(7, 9, 9)};
        assertEquals(3, new TransformationVote(PARAMETERS).largestCluster(votes));
    }

    @Test
    void a_probe_over_its_vote_budget_reads_its_rarest_lists_and_stops_before_the_one_that_would_exceed_it() {
        final Postings postings = new Postings(2);
        final long rare = 1;
        final long common = 2;
        final long commonest = 3;
        postings.add(rare, 0, 0);
        for (int id = 1; id <= 10; id++) {
            postings.add(common, id, 0);
        }
        for (int id = 11; id <= 110; id++) {
            postings.add(commonest, id, 0);
        }
        final TriangleKeys.Features probe = new TriangleKeys.Features(3, 1, new long[] {commonest, rare, common},
                new int[3]);
        final TransformationVote vote = new TransformationVote(PARAMETERS);

        final long[] ranked = vote.rank(probe, postings, 0, 111, id -> true, Long.MAX_VALUE, 50,
                new ShortlistBar(200));

        assertEquals(11, vote.votes());
        assertEquals(11, ranked.length);
        assertTrue(Arrays.stream(ranked).allMatch(r -> TransformationVote.id(r) <= 10), Arrays.toString(ranked));
        assertEquals(111, vote.rank(probe, postings, 0, 111, id -> true, Long.MAX_VALUE, Long.MAX_VALUE,
                new ShortlistBar(200)).length);
    }

    @Test
    void the_best_of_each_part_of_the_id_space_merged_are_the_best_of_the_whole() {
        // Entries 0-2,999 each with a few triangles under 40 keys; every tenth entry also shares a consistent
        // transformation with the probe (a mate-like cluster), the rest scatter. Some entries are not rankable.
        final Random random = new Random(7);
        final Postings postings = new Postings(2);
        final int keys = 40;
        final int ids = 3_000;
        for (int id = 0; id < ids; id++) {
            final int triangles = 1 + random.nextInt(12);
            for (int t = 0; t < triangles; t++) {
                final boolean mateLike = id % 10 == 0 && t < 6;
                // Skewed: the first keys are common, so the stop size and the budget leave some lists out.
                postings.add((int) (keys * Math.pow(random.nextDouble(), 2)), id, mateLike ? geometry(0, 500 + t, 500)
                        : geometry(random.nextInt(256), random.nextInt(4096), random.nextInt(4096)));
            }
        }
        final long[] probeKeys = new long[2 * keys];
        final int[] probeGeometry = new int[2 * keys];
        for (int k = 0; k < probeKeys.length; k++) {
            probeKeys[k] = k % keys;
            probeGeometry[k] = geometry(0, 500, 500);
        }
        final TriangleKeys.Features probe = new TriangleKeys.Features(10, keys, probeKeys, probeGeometry);
        final IntPredicate rankable = id -> id % 17 != 3;
        final TransformationVote vote = new TransformationVote(PARAMETERS);
        for (final int length : new int[] {1, 25, 300}) {
            final long[] whole = vote.rank(probe, postings, 0, ids, rankable, 1_000, 20_000,
                    new ShortlistBar(length));
            final long wholeVotes = vote.votes();
            for (final int parts : new int[] {2, 3, 7}) {
                // One bar for all the parts, as the index shares it: the later parts start from what the first reached
                // (three parts run last first, so the parts reached first are not always the lowest ids).
                final ShortlistBar bar = new ShortlistBar(length);
                final List<long[]> best = new ArrayList<>();
                long votes = 0;
                for (int i = 0; i < parts; i++) {
                    final int part = parts == 3 ? parts - 1 - i : i;
                    best.add(vote.rank(probe, postings, ids * part / parts, ids * (part + 1) / parts, rankable, 1_000,
                            20_000, bar));
                    votes += vote.votes();
                }
                assertArrayEquals(whole, TransformationVote.merge(best, length), length + " in " + parts + " parts");
                assertEquals(wholeVotes, votes, "votes cast in " + parts + " parts");
            }
        }
    }

    private static int geometry(final int turn, final int x, final int y) {
        return turn << 24 | x << 12 | y;
    }

    private static int pack(final int half, final int x, final int y) {
        return half << 20 | x << 10 | y;
    }

    /* Each grid shifted by half a cell (or not) in each axis; rotation wraps over the full turn. */
    private static int plainCount(final int[] votes) {
        int best = Math.min(votes.length, 1);
        for (int grid = 0; grid < 8; grid++) {
            final int sr = grid >> 2;
            final int sx = grid >> 1 & 1;
            final int sy = grid & 1;
            final Map<String, Integer> cells = new HashMap<>();
            for (final int v : votes) {
                final int cell = ((v >>> 20) + sr) / 2 % (HALF_TURNS / 2);
                final String key = cell + ":" + ((v >>> 10 & 1023) + sx) / 2 + ":" + ((v & 1023) + sy) / 2;
                best = Math.max(best, cells.merge(key, 1, Integer::sum));
            }
        }
        return best;
    }
}
