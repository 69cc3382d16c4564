package org.safepassage.enrollment.biometrics.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bit-based Minutia Cylinder-Code (Cappelli, Ferrara and Maltoni, IEEE TPAMI 32(12), 2010): for each minutia, a
 * cylinder of radius R and height 2 pi centred on it and turned with its direction, cut into N_S x N_S x N_D cells.
 * A cell's bit is set when the Gaussian-weighted contribution of the neighbouring minutiae near its centre, whose
 * direction relative to the central one falls near the cell's angle, reaches mu_Psi. The code is invariant to
 * translation and rotation, which is what lets two captures of one finger share hash values.
 *
 * <p>Only cells whose centre lies within R are kept (the base is a disc): the corners of the square are always
 * invalid. A cell is valid when it also lies inside the minutiae's convex hull widened by Omega; invalid cells are
 * zero. A cylinder is indexable when enough of its cells are valid and it has enough neighbours, as in MCC.
 *
 * <p>Immutable and thread-safe.
 */
final class CylinderCodes {
    private static final int TABLE_STEPS = 1024;

    private final IndexParameters parameters;
    private final double[] cellU;
    private final double[] cellV;
    private final int directionCells;
    private final int bits;
    private final int words;
    /* Directional contribution per bin, tabulated over the angle difference: an integral of a Gaussian, costly. */
    private final double[][] directional;

    CylinderCodes(final IndexParameters parameters) {
        this.parameters = parameters;
        final int ns = parameters.spatialCells();
        final double size = 2 * parameters.radius() / ns;
        final List<double[]> cells = new ArrayList<>();
        for (int i = 0; i < ns; i++) {
            for (int j = 0; j < ns; j++) {
                final double u = (i - (ns - 1) / 2.0) * size;
                final double v = (j - (ns - 1) / 2.0) * size;
                if (Math.hypot(u, v) <= parameters.radius()) {
                    cells.add(new double[] {u, v});
                }
            }
        }
        cellU = cells.stream().mapToDouble(c -> c[0]).toArray();
        cellV = cells.stream().mapToDouble(c -> c[1]).toArray();
        directionCells = parameters.directionCells();
        bits = cellU.length * directionCells;
        words = (bits + 63) / 64;
        directional = new double[directionCells][TABLE_STEPS + 1];
        final double binWidth = 2 * Math.PI / directionCells;
        for (int k = 0; k < directionCells; k++) {
            final double binAngle = -Math.PI + (k + 0.5) * binWidth;
            for (int step = 0; step <= TABLE_STEPS; step++) {
                final double difference = -Math.PI + 2 * Math.PI * step / TABLE_STEPS;
                final double offset = normalize(binAngle - difference);
                directional[k][step] = gaussianMass(offset - binWidth / 2, offset + binWidth / 2,
                        parameters.sigmaDirection());
            }
        }
    }

    /** Bits per cylinder. */
    int bits() {
        return bits;
    }

    /**
     * The indexable cylinders of a template, one bit vector each.
     *
     * @param minutiae the template's minutiae
     * @return cylinders as arrays of 64-bit words, bit {@code cell * N_D + k}
     */
    long[][] cylinders(final TemplateMinutiae minutiae) {
        final int n = minutiae.size();
        if (n == 0) {
            return new long[0][];
        }
        final ConvexHull hull = ConvexHull.of(minutiae.x(), minutiae.y());
        final double sigma = parameters.sigmaSpatial();
        final double reach = 3 * sigma;
        final double neighbourhood = parameters.radius() + reach;
        final double gaussianScale = 1 / (sigma * Math.sqrt(2 * Math.PI));
        final int minValid = (int) Math.ceil(parameters.minValidCells() * cellU.length);
        final List<long[]> result = new ArrayList<>(n);
        final int[] neighbours = new int[n];
        final double[] relative = new double[n];
        final double[] sums = new double[directionCells];
        for (int m = 0; m < n; m++) {
            final double mx = minutiae.x()[m];
            final double my = minutiae.y()[m];
            int count = 0;
            for (int t = 0; t < n; t++) {
                if (t != m && distanceSquared(mx, my, minutiae.x()[t], minutiae.y()[t])
                        <= neighbourhood * neighbourhood) {
                    neighbours[count] = t;
                    relative[count] = normalize(minutiae.direction()[t] - minutiae.direction()[m]);
                    count++;
                }
            }
            if (count < parameters.minNeighbours()) {
                continue;
            }
            final double cos = Math.cos(minutiae.direction()[m]);
            final double sin = Math.sin(minutiae.direction()[m]);
            final long[] code = new long[words];
            int valid = 0;
            for (int cell = 0; cell < cellU.length; cell++) {
                final double px = mx + cellU[cell] * cos - cellV[cell] * sin;
                final double py = my + cellU[cell] * sin + cellV[cell] * cos;
                if (!hull.within(px, py, parameters.hullMargin())) {
                    continue;
                }
                valid++;
                Arrays.fill(sums, 0);
                for (int i = 0; i < count; i++) {
                    final int t = neighbours[i];
                    final double d2 = distanceSquared(px, py, minutiae.x()[t], minutiae.y()[t]);
                    if (d2 <= reach * reach) {
                        final double spatial = gaussianScale * Math.exp(-d2 / (2 * sigma * sigma));
                        final int step = (int) Math.round((relative[i] + Math.PI) / (2 * Math.PI) * TABLE_STEPS);
                        for (int k = 0; k < directionCells; k++) {
                            sums[k] += spatial * directional[k][step];
                        }
                    }
                }
                for (int k = 0; k < directionCells; k++) {
                    if (sums[k] >= parameters.bitThreshold()) {
                        final int bit = cell * directionCells + k;
                        code[bit >>> 6] |= 1L << (bit & 63);
                    }
                }
            }
            if (valid >= minValid) {
                result.add(code);
            }
        }
        return result.toArray(long[][]::new);
    }

    private static double distanceSquared(final double ax, final double ay, final double bx, final double by) {
        final double dx = ax - bx;
        final double dy = ay - by;
        return dx * dx + dy * dy;
    }

    private static double normalize(final double angle) {
        double a = angle % (2 * Math.PI);
        if (a < -Math.PI) {
            a += 2 * Math.PI;
        } else if (a >= Math.PI) {
            a -= 2 * Math.PI;
        }
        return a;
    }

    /* Probability mass of N(0, sigma) between a and b, through the error function. */
    private static double gaussianMass(final double a, final double b, final double sigma) {
        return 0.5 * (erf(b / (sigma * Math.sqrt(2))) - erf(a / (sigma * Math.sqrt(2))));
    }

    /* Abramowitz and Stegun 7.1.26: absolute error below 1.5e-7, plenty for a table of weights. */
    private static double erf(final double x) {
        final double t = 1 / (1 + 0.3275911 * Math.abs(x));
        final double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
                + 0.254829592) * t * Math.exp(-x * x);
        return x >= 0 ? y : -y;
    }
}
