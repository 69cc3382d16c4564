package org.safepassage.enrollment.biometrics.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
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

        final int[] ranked = vote.rank(probe, postings, 111, id -> true, Long.MAX_VALUE, 50, 200);

        assertEquals(11, vote.votes());
        assertEquals(11, ranked.length);
        assertTrue(Arrays.stream(ranked).allMatch(id -> id <= 10), Arrays.toString(ranked));
        assertEquals(111, vote.rank(probe, postings, 111, id -> true, Long.MAX_VALUE, Long.MAX_VALUE, 200).length);
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
