package org.safepassage.enrollment.biometrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.machinezoo.sourceafis.FingerprintMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * An experiment for issue 13, not a test: where mated probes rank under a triangle index scored by collision count
 * and by a Hough vote over the implied transformation, on the calibrated synthetic ISO set. It isolates why the MCC +
 * MinHash index misses mates (no geometric consistency); docs/biometrics.md has the method and the figures,
 * docs/performance.md the command.
 *
 * <p>Arguments: gallery size, mated probes, then optionally the longest triangle side (px), the side bin (px), the
 * direction bins, the tolerance for the longest side (px) and the multi-probe share of a bin (0 for none). Prints
 * the hit rate by penetration for both scores and the worst-ranked mates. Deliberately simple (lists of boxed
 * arrays), so sizes above about 20,000 need a larger heap than they are worth: it measures ranking, not speed.
 */
final class TriangleIndexExperiment {
    private static final CBORMapper CBOR = new CBORMapper();

    /* Minutiae as SourceAFIS serialises them: positions in pixels, directions in radians. */
    record M(double[] x, double[] y, double[] d) {}

    static M parse(final byte[] b) {
        try {
            final JsonNode root = CBOR.readTree(b);
            final JsonNode xs = root.path("positionsX");
            final JsonNode ys = root.path("positionsY");
            final JsonNode ds = root.path("directions");
            final int n = xs.size();
            final double[] x = new double[n];
            final double[] y = new double[n];
            final double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = xs.get(i).asDouble();
                y[i] = ys.get(i).asDouble();
                d[i] = ds.get(i).asDouble();
            }
            return new M(x, y, d);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static double dmin = 20;
    static double dmax = 90;
    static double sideBin = 12;
    static int angleBins = 8;
    static double tol = 6;
    static double multiProbe = 0;

    /* Features of all triangles: key, phi (angle of AB), centroid. probe=true: all orderings within tol. */
    static List<long[]> triangles(final M m, final boolean probe) {
        final int n = m.x.length;
        final List<long[]> out = new ArrayList<>();
        final double[][] dist = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                dist[i][j] = Math.hypot(m.x[i] - m.x[j], m.y[i] - m.y[j]);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (dist[i][j] < dmin || dist[i][j] > dmax) {
                    continue;
                }
                for (int k = j + 1; k < n; k++) {
                    if (dist[i][k] < dmin || dist[i][k] > dmax || dist[j][k] < dmin || dist[j][k] > dmax) {
                        continue;
                    }
                    // counter-clockwise order
                    final double cross = (m.x[j] - m.x[i]) * (m.y[k] - m.y[i]) - (m.y[j] - m.y[i]) * (m.x[k] - m.x[i]);
                    final int[] v = cross > 0 ? new int[] {i, j, k} : new int[] {i, k, j};
                    final double[] s = {dist[v[0]][v[1]], dist[v[1]][v[2]], dist[v[2]][v[0]]};
                    final double longest = Math.max(s[0], Math.max(s[1], s[2]));
                    for (int r = 0; r < 3; r++) {
                        final boolean canonical = s[r] == longest;
                        if (!(canonical || (probe && s[r] >= longest - tol))) {
                            continue;
                        }
                        final int a = v[r];
                        final int b = v[(r + 1) % 3];
                        final int c = v[(r + 2) % 3];
                        final double phi = Math.atan2(m.y[b] - m.y[a], m.x[b] - m.x[a]);
                        final double[] f = {dist[a][b] / sideBin, dist[b][c] / sideBin, dist[c][a] / sideBin,
                            angleUnits(m.d[a] - phi), angleUnits(m.d[b] - phi), angleUnits(m.d[c] - phi)};
                        final int[] base = new int[6];
                        final int[] alt = new int[6];
                        for (int d = 0; d < 6; d++) {
                            base[d] = (int) Math.floor(f[d]);
                            final double frac = f[d] - base[d];
                            alt[d] = !probe ? Integer.MIN_VALUE : frac < multiProbe ? base[d] - 1
                                    : frac > 1 - multiProbe ? base[d] + 1 : Integer.MIN_VALUE;
                        }
                        final double cx = (m.x[a] + m.x[b] + m.x[c]) / 3;
                        final double cy = (m.y[a] + m.y[b] + m.y[c]) / 3;
                        for (int mask = 0; mask < 64; mask++) {
                            final int[] q = base.clone();
                            boolean ok = true;
                            for (int d = 0; d < 6; d++) {
                                if ((mask >> d & 1) != 0) {
                                    if (alt[d] == Integer.MIN_VALUE) {
                                        ok = false;
                                        break;
                                    }
                                    q[d] = alt[d];
                                }
                            }
                            if (!ok) {
                                continue;
                            }
                            for (int d = 3; d < 6; d++) {
                                q[d] = Math.floorMod(q[d], angleBins);
                            }
                            if (q[0] < 0 || q[1] < 0 || q[2] < 0) {
                                continue;
                            }
                            final long key = ((((((long) q[0] * 16 + q[1]) * 16 + q[2]) * 32 + q[3]) * 32 + q[4]) * 32
                                    + q[5]);
                            out.add(new long[] {key, Double.doubleToLongBits(phi), Double.doubleToLongBits(cx),
                                Double.doubleToLongBits(cy)});
                        }
                    }
                }
            }
        }
        return out;
    }


    static double angleUnits(final double a) {
        final double t = ((a % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
        return t / (2 * Math.PI) * angleBins;
    }

    public static void main(final String[] args) {
        final int size = Integer.parseInt(args[0]);
        final int mated = Integer.parseInt(args[1]);
        if (args.length > 2) {
            dmax = Double.parseDouble(args[2]);
            sideBin = Double.parseDouble(args[3]);
            angleBins = Integer.parseInt(args[4]);
            tol = Double.parseDouble(args[5]);
            multiProbe = Double.parseDouble(args[6]);
        }
        final MinutiaFinger.Capture capture = MinutiaFinger.Capture.calibrated();
        final byte[][] ser = IntStream.range(0, size).parallel()
                .mapToObj(s -> MinutiaFinger.generate(s).template(s * 10L, capture).bytes()).toArray(byte[][]::new);
        final M[] gm = Arrays.stream(ser).parallel().map(TriangleIndexExperiment::parse).toArray(M[]::new);
        // index: key -> list of (id, phi, cx, cy)
        final java.util.HashMap<Long, List<double[]>> lists = new java.util.HashMap<>();
        long postings = 0;
        for (int s = 0; s < size; s++) {
            for (final long[] t : triangles(gm[s], false)) {
                lists.computeIfAbsent(t[0], k -> new ArrayList<>()).add(new double[] {s,
                    Double.longBitsToDouble(t[1]), Double.longBitsToDouble(t[2]), Double.longBitsToDouble(t[3])});
                postings++;
            }
        }
        System.out.printf(Locale.ROOT, "params dmax %.0f side %.0f angles %d tol %.0f mp %.2f: %d postings (%.0f per "
                + "template), %d keys%n", dmax, sideBin, angleBins, tol, multiProbe, postings, (double) postings / size,
                lists.size());
        final List<int[]> ranks = new ArrayList<>();
        for (int p = 0; p < mated; p++) {
            final int subject = (int) ((long) p * size / mated);
            final FingerprintTemplateBytes probe = MinutiaFinger.generate(subject).template(subject * 10L + 1, capture);
            final double score = new FingerprintMatcher(probe.template())
                    .match(FingerprintTemplateBytes.fromBytes(ser[subject]).template());
            if (score < 40) {
                continue;
            }
            final M pm = parse(probe.bytes());
            final List<long[]> pt = triangles(pm, true);
            final double[] count = new double[size];
            long[] votes = new long[1 << 16];
            int voteCount = 0;
            long[] turns = new long[1 << 16];
            int turnCount = 0;
            final double[] houghBest = new double[size];
            final int rb = 16;
            final double tb = 30;
            for (final long[] t : pt) {
                final List<double[]> list = lists.get(t[0]);
                if (list == null) {
                    continue;
                }
                final double pphi = Double.longBitsToDouble(t[1]);
                final double pcx = Double.longBitsToDouble(t[2]);
                final double pcy = Double.longBitsToDouble(t[3]);
                for (final double[] e : list) {
                    final int id = (int) e[0];
                    count[id]++;
                    final double rot = pphi - e[1];
                    final double cos = Math.cos(rot);
                    final double sin = Math.sin(rot);
                    final double tx = pcx - (cos * e[2] - sin * e[3]);
                    final double ty = pcy - (sin * e[2] + cos * e[3]);
                    final double rr = ((rot % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI) / (2 * Math.PI) * rb;
                    // Rotation alone (cheaper to accumulate at scale): two half-shifted grids of 22.5 degrees.
                    for (int o = 0; o < 2; o++) {
                        if (turnCount == turns.length) {
                            turns = Arrays.copyOf(turns, turns.length * 2);
                        }
                        turns[turnCount++] = ((long) id * 32 + (long) Math.floor(rr + o * 0.5) % rb) * 2 + o;
                    }
                    // Eight grids shifted by half a cell in each dimension: a cluster on a cell edge is not split.
                    for (int o = 0; o < 8; o++) {
                        final long r = (long) Math.floor(rr + ((o & 1) * 0.5)) % rb;
                        final long x = (long) Math.floor(tx / tb + ((o >> 1 & 1) * 0.5)) + 1000;
                        final long y = (long) Math.floor(ty / tb + ((o >> 2 & 1) * 0.5)) + 1000;
                        final long hk = ((((long) id * 32 + r) * 4096 + x) * 4096 + y) * 8 + o;
                        if (voteCount == votes.length) {
                            votes = Arrays.copyOf(votes, votes.length * 2);
                        }
                        votes[voteCount++] = hk;
                    }
                }
            }
            Arrays.sort(votes, 0, voteCount);
            for (int i = 0, run = 0; i < voteCount; i++) {
                run = i > 0 && votes[i] == votes[i - 1] ? run + 1 : 1;
                final int id = (int) (votes[i] / 8 / 4096 / 4096 / 32);
                houghBest[id] = Math.max(houghBest[id], run);
            }
            final double[] turnBest = new double[size];
            Arrays.sort(turns, 0, turnCount);
            for (int i = 0, run = 0; i < turnCount; i++) {
                run = i > 0 && turns[i] == turns[i - 1] ? run + 1 : 1;
                final int id = (int) (turns[i] / 2 / 32);
                turnBest[id] = Math.max(turnBest[id], run);
            }
            ranks.add(new int[] {rank(count, subject), rank(houghBest, subject), (int) count[subject],
                (int) houghBest[subject], (int) score, pt.size(), rank(turnBest, subject), voteCount / 8});
        }
        report("count", ranks, 0, size);
        report("hough", ranks, 1, size);
        report("rotation only", ranks, 6, size);
        System.out.printf(Locale.ROOT, "collisions per probe: mean %.0f%n",
                ranks.stream().mapToInt(r -> r[7]).average().orElse(0));
        final StringBuilder worst = new StringBuilder("worst hough (rank,count,hough,score,probeTriangles):");
        ranks.stream().sorted((a, b) -> b[1] - a[1]).limit(12).forEach(r -> worst.append(String.format(
                Locale.ROOT, " [%d %d %d %d %d]", r[1], r[2], r[3], r[4], r[5])));
        System.out.println(worst);
    }

    static int rank(final double[] score, final int subject) {
        int above = 0;
        for (int i = 0; i < score.length; i++) {
            if (i != subject && score[i] >= score[subject]) {
                above++;
            }
        }
        return above;
    }

    static void report(final String name, final List<int[]> ranks, final int column, final int size) {
        final double[] shares = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.05};
        final StringBuilder line = new StringBuilder(name + " (" + ranks.size() + " probes):");
        for (final double share : shares) {
            final long within = (long) Math.ceil(share * size);
            final long found = ranks.stream().filter(r -> r[column] < within).count();
            line.append(String.format(Locale.ROOT, " %.2f%% -> %.1f%%;", 100 * share, 100.0 * found / ranks.size()));
        }
        System.out.println(line);
    }
}
