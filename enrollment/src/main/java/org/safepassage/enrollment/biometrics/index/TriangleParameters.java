package org.safepassage.enrollment.biometrics.index;

/**
 * The parameters of the triangle index: which minutia triangles become keys, how finely a key quantises them, how
 * widely a probe asks for neighbouring keys, and the cells of the transformation vote.
 *
 * @param minSide the shortest side a keyed triangle may have, in pixels at 500 DPI
 * @param maxSide the longest side a keyed triangle may have, in pixels
 * @param sideBin the width of a side-length bin of the key, in pixels
 * @param directionBins bins of a minutia's direction relative to the triangle's first side
 * @param orderTolerance a probe triangle is also asked in every cyclic order whose first side is within this many
 *     pixels of its longest (the canonical order is unstable when two sides are alike)
 * @param multiProbe a probe triangle also asks for the neighbouring bin in each dimension where its value lies within
 *     this share of a bin edge (0 for none, below 0.5)
 * @param rotationCells cells of the vote's rotation axis over a full turn (each cell is then split in two, and the
 *     cluster counted over two adjacent halves, so a cluster on a cell edge is not split)
 * @param translationCell the width of a cell of the vote's translation axes, in pixels (halved likewise)
 * @param minTriangles a template with fewer keyed triangles has too little to rank by (see
 *     {@link IndexParameters#minIndexedCylinders}, which counts the minutiae of its triangles)
 * @param votesPerEntry the most votes a probe may cast, per live enrolled entry (0 for no limit): a probe with more
 *     reads its rarest keys' lists first and stops before the list that would exceed it. Bounds the ranking's worst
 *     case, which probes with many minutiae otherwise make several times the mean
 * @param typed whether a key also holds its three minutiae's types (ending or bifurcation), a probe asking its own
 *     types and each single flip of one: keys about eight times rarer, asked four times, so about half the votes;
 *     a triangle is lost only when the two captures disagree on two of its three types
 */
public record TriangleParameters(double minSide, double maxSide, double sideBin, int directionBins,
        double orderTolerance, double multiProbe, int rotationCells, double translationCell, int minTriangles,
        double votesPerEntry, boolean typed) {

    /**
     * Checks ranges that would overflow a key or index nothing.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public TriangleParameters {
        check(minSide >= 0 && maxSide > minSide && sideBin > 0 && maxSide / sideBin < 63, "sides");
        check(directionBins >= 1 && directionBins <= 63, "directionBins");
        check(orderTolerance >= 0 && multiProbe >= 0 && multiProbe < 0.5, "probing");
        check(rotationCells >= 2 && rotationCells <= 64 && translationCell >= 2, "vote cells");
        check(minTriangles >= 1, "minTriangles");
        check(votesPerEntry >= 0, "votesPerEntry");
    }

    /**
     * The parameters measured in docs/biometrics.md.
     *
     * @return the defaults
     */
    public static TriangleParameters defaults() {
        return new TriangleParameters(20, 100, 10, 12, 6, 0.15, 16, 30, 3, 60, false);
    }

    private static void check(final boolean condition, final String what) {
        if (!condition) {
            throw new IllegalArgumentException("invalid triangle parameters: " + what);
        }
    }
}
