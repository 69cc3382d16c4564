package org.safepassage.enrollment.biometrics.index;

import java.util.Arrays;

/**
 * Minutia triangles as index keys (after Bhanu and Tan, "Fingerprint indexing based on novel features of minutiae
 * triplets", IEEE TPAMI 25(5), 2003): every triangle whose three sides lie within the configured range, its vertices
 * in counter-clockwise order starting after the longest side. Its key is the three side lengths and the three minutia
 * directions relative to the first side, each quantised: invariant to rotation and translation; if
 * {@linkplain TriangleParameters#typed typed}, also the three minutiae's types. Beside each key goes
 * the triangle's absolute geometry (direction of the first side, centroid), which the transformation vote needs.
 *
 * <p>Geometry is packed into an int: the first side's direction in 256ths of a turn (bits 24-31), the centroid's x
 * and y in whole pixels (12 bits each, clamped to 0-4,095).
 */
final class TriangleKeys {
    static final int TURN = 256;

    private final TriangleParameters parameters;

    TriangleKeys(final TriangleParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * The keys of a template.
     *
     * @param minutiae the template's minutiae
     * @param probe false for an enrolled template (one key per triangle); true for a probe, which also asks the
     *     other admissible orders and the neighbouring bins near an edge
     */
    Features features(final TemplateMinutiae minutiae, final boolean probe) {
        final int n = minutiae.size();
        final double[] dist = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                final double d = Math.hypot(minutiae.x()[i] - minutiae.x()[j], minutiae.y()[i] - minutiae.y()[j]);
                dist[i * n + j] = d;
                dist[j * n + i] = d;
            }
        }
        final boolean[] used = new boolean[n];
        final Out out = new Out();
        final int[] v = new int[3];
        final double[] s = new double[3];
        int triangles = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (!inRange(dist[i * n + j])) {
                    continue;
                }
                for (int k = j + 1; k < n; k++) {
                    if (!inRange(dist[i * n + k]) || !inRange(dist[j * n + k])) {
                        continue;
                    }
                    final double cross = (double) (minutiae.x()[j] - minutiae.x()[i]) * (minutiae.y()[k]
                            - minutiae.y()[i]) - (double) (minutiae.y()[j] - minutiae.y()[i])
                            * (minutiae.x()[k] - minutiae.x()[i]);
                    if (cross == 0) {
                        continue;
                    }
                    v[0] = i;
                    v[1] = cross > 0 ? j : k;
                    v[2] = cross > 0 ? k : j;
                    for (int e = 0; e < 3; e++) {
                        s[e] = dist[v[e] * n + v[(e + 1) % 3]];
                    }
                    final double longest = Math.max(s[0], Math.max(s[1], s[2]));
                    boolean keyed = false;
                    for (int r = 0; r < 3; r++) {
                        final boolean canonical = s[r] == longest && !keyed;
                        if (canonical || probe && s[r] >= longest - parameters.orderTolerance()) {
                            emit(minutiae, v[r], v[(r + 1) % 3], v[(r + 2) % 3], s[r], s[(r + 1) % 3],
                                    s[(r + 2) % 3], probe, out);
                            keyed |= canonical;
                        }
                    }
                    triangles++;
                    used[i] = true;
                    used[j] = true;
                    used[k] = true;
                }
            }
        }
        int vertices = 0;
        for (final boolean u : used) {
            vertices += u ? 1 : 0;
        }
        return new Features(vertices, triangles, Arrays.copyOf(out.keys, out.count),
                Arrays.copyOf(out.geometry, out.count));
    }

    private boolean inRange(final double side) {
        return side >= parameters.minSide() && side <= parameters.maxSide();
    }

    private void emit(final TemplateMinutiae m, final int a, final int b, final int c, final double ab,
            final double bc, final double ca, final boolean probe, final Out out) {
        final double phi = Math.atan2(m.y()[b] - m.y()[a], m.x()[b] - m.x()[a]);
        final double bins = parameters.directionBins();
        final double[] f = {ab / parameters.sideBin(), bc / parameters.sideBin(), ca / parameters.sideBin(),
            turns(m.direction()[a] - phi) * bins, turns(m.direction()[b] - phi) * bins,
            turns(m.direction()[c] - phi) * bins};
        final double cx = (m.x()[a] + m.x()[b] + m.x()[c]) / 3.0;
        final double cy = (m.y()[a] + m.y()[b] + m.y()[c]) / 3.0;
        final int geometry = (int) Math.floor(turns(phi) * TURN) % TURN << 24 | clamp(cx) << 12 | clamp(cy);
        final int[] base = new int[6];
        final int[] alt = new int[6];
        int alternatives = 0;
        for (int d = 0; d < 6; d++) {
            base[d] = (int) Math.floor(f[d]);
            final double frac = f[d] - base[d];
            alt[d] = 0;
            if (probe && parameters.multiProbe() > 0) {
                alt[d] = frac < parameters.multiProbe() ? -1 : frac > 1 - parameters.multiProbe() ? 1 : 0;
            }
            alternatives |= alt[d] != 0 ? 1 << d : 0;
        }
        // Every subset of the dimensions near an edge: the base key and each combination of neighbouring bins.
        for (int mask = alternatives; ; mask = (mask - 1) & alternatives) {
            long key = 0;
            boolean valid = true;
            for (int d = 0; d < 6; d++) {
                int q = base[d] + ((mask >> d & 1) != 0 ? alt[d] : 0);
                if (d >= 3) {
                    q = Math.floorMod(q, parameters.directionBins());
                } else if (q < 0 || q > 63) {
                    valid = false;
                }
                key = key << 6 | q;
            }
            if (valid && parameters.typed()) {
                // A capture reports one minutia in four or five the other way: a probe also asks each single flip.
                final int types = type(m, a) << 2 | type(m, b) << 1 | type(m, c);
                out.add(key << 3 | types, geometry);
                for (int flip = 0; probe && flip < 3; flip++) {
                    out.add(key << 3 | types ^ 1 << flip, geometry);
                }
            } else if (valid) {
                out.add(key, geometry);
            }
            if (mask == 0) {
                break;
            }
        }
    }

    private static int type(final TemplateMinutiae m, final int minutia) {
        return m.bifurcation()[minutia] ? 1 : 0;
    }

    /* An angle as a share of a full turn, in [0, 1). */
    static double turns(final double radians) {
        final double t = radians / (2 * Math.PI);
        final double f = t - Math.floor(t);
        return f >= 1 ? 0 : f;
    }

    private static int clamp(final double coordinate) {
        return (int) Math.max(0, Math.min(4095, Math.round(coordinate)));
    }

    /**
     * A template's triangle keys.
     *
     * @param vertices minutiae that are a vertex of at least one keyed triangle
     * @param triangles keyed triangles
     * @param keys one key per triangle (enrolled) or per asked bin and order (probe)
     * @param geometry the packed geometry beside each key
     */
    record Features(int vertices, int triangles, long[] keys, int[] geometry) {}

    private static final class Out {
        long[] keys = new long[1024];
        int[] geometry = new int[1024];
        int count;

        void add(final long key, final int packed) {
            if (count == keys.length) {
                keys = Arrays.copyOf(keys, count * 2);
                geometry = Arrays.copyOf(geometry, count * 2);
            }
            keys[count] = key;
            geometry[count++] = packed;
        }
    }
}
