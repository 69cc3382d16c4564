package org.safepassage.enrollment.biometrics.index;

import java.util.Arrays;

/**
 * The convex hull of a template's minutiae (Andrew's monotone chain), and whether a point lies inside it or within a
 * margin of it: MCC's test for cells that fall on the captured area.
 */
final class ConvexHull {
    private final double[] xs;
    private final double[] ys;

    private ConvexHull(final double[] xs, final double[] ys) {
        this.xs = xs;
        this.ys = ys;
    }

    static ConvexHull of(final int[] x, final int[] y) {
        final int n = x.length;
        final Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> x[a] != x[b] ? Integer.compare(x[a], x[b]) : Integer.compare(y[a], y[b]));
        final int[] hull = new int[2 * n + 1];
        int k = 0;
        for (int i = 0; i < n; i++) {
            while (k >= 2 && cross(x, y, hull[k - 2], hull[k - 1], order[i]) <= 0) {
                k--;
            }
            hull[k++] = order[i];
        }
        for (int i = n - 2, lower = k + 1; i >= 0; i--) {
            while (k >= lower && cross(x, y, hull[k - 2], hull[k - 1], order[i]) <= 0) {
                k--;
            }
            hull[k++] = order[i];
        }
        final int size = Math.max(1, k - 1);
        final double[] hx = new double[size];
        final double[] hy = new double[size];
        for (int i = 0; i < size; i++) {
            hx[i] = x[hull[i]];
            hy[i] = y[hull[i]];
        }
        return new ConvexHull(hx, hy);
    }

    private static long cross(final int[] x, final int[] y, final int o, final int a, final int b) {
        return (long) (x[a] - x[o]) * (y[b] - y[o]) - (long) (y[a] - y[o]) * (x[b] - x[o]);
    }

    /** Inside the hull, or at most {@code margin} from its boundary. */
    boolean within(final double px, final double py, final double margin) {
        final int n = xs.length;
        if (n >= 3) {
            boolean inside = true;
            for (int i = 0; i < n && inside; i++) {
                final int j = (i + 1) % n;
                inside = (xs[j] - xs[i]) * (py - ys[i]) - (ys[j] - ys[i]) * (px - xs[i]) >= 0;
            }
            if (inside) {
                return true;
            }
        }
        final double limit = margin * margin;
        for (int i = 0; i < n; i++) {
            final int j = (i + 1) % n;
            if (segmentDistanceSquared(px, py, xs[i], ys[i], xs[j], ys[j]) <= limit) {
                return true;
            }
        }
        return false;
    }

    private static double segmentDistanceSquared(final double px, final double py, final double ax, final double ay,
            final double bx, final double by) {
        final double dx = bx - ax;
        final double dy = by - ay;
        final double length = dx * dx + dy * dy;
        double t = length == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / length;
        t = Math.max(0, Math.min(1, t));
        final double ex = ax + t * dx - px;
        final double ey = ay + t * dy - py;
        return ex * ex + ey * ey;
    }
}
