package org.safepassage.enrollment.biometrics.index;

/**
 * The parameters of the candidate index: the Minutia Cylinder-Code geometry, the hashing, the scoring and the short
 * list's size.
 *
 * @param radius cylinder radius R in pixels at 500 DPI
 * @param spatialCells N_S, cells along each side of the cylinder's base
 * @param directionCells N_D, direction bins of the cylinder's height
 * @param sigmaSpatial sigma_S of the spatial Gaussian contribution, in pixels
 * @param sigmaDirection sigma_D of the directional contribution, in radians
 * @param bitThreshold mu_Psi: a cell's bit is set when its summed contribution reaches this
 * @param hullMargin Omega: how far outside the minutiae's convex hull a cell still counts as valid, in pixels
 * @param minValidCells the smallest share of a cylinder's cells that must be valid for it to be indexed
 * @param minNeighbours the fewest other minutiae within R + 3 sigma_S for a cylinder to be indexed
 * @param keyLength k, MinHash values concatenated into one hash value (at most 3)
 * @param hashFunctions L, independent hash functions
 * @param minCylinderBits cylinders with fewer set cells are not hashed: they say almost nothing and would collide
 *     with every other almost empty cylinder
 * @param seed selects the permutations; changing it invalidates every stored index
 * @param maxBucketShare lists holding more than this share of the gallery are skipped at search time: such a value
 *     is common to most fingers (stop words), weighs almost nothing, and would cost most of the time
 * @param minIndexedCylinders a template with fewer indexable cylinders is not ranked by the index: as a probe it is
 *     searched exhaustively, and as an enrolled template it is put on every short list
 * @param penetration share of the gallery put on a short list
 * @param minShortlist the short list's length on small galleries
 * @param method how the gallery is ranked: MCC cylinders and MinHash, or minutia triangles and a transformation vote
 *     (the MCC parameters above are unused by the latter; the safety and short-list parameters apply to both)
 * @param triangles the triangle method's parameters
 */
public record IndexParameters(double radius, int spatialCells, int directionCells, double sigmaSpatial,
        double sigmaDirection, double bitThreshold, double hullMargin, double minValidCells, int minNeighbours,
        int keyLength, int hashFunctions, int minCylinderBits, long seed, double maxBucketShare,
        int minIndexedCylinders, double penetration, int minShortlist, Method method, TriangleParameters triangles) {

    /** How the index ranks the gallery. */
    public enum Method {
        /** Minutia Cylinder-Code descriptors hashed by MinHash, ranked by weighted collisions (Cappelli et al.). */
        MCC,
        /**
         * Minutia triangles as keys, ranked by the largest cluster of the rotations and translations the colliding
         * triangles imply (Bhanu and Tan's triplet keys, Germain, Califano and Colville's transformation vote).
         */
        TRIANGLES
    }

    /**
     * Checks ranges that would otherwise fail later or silently index nothing.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public IndexParameters {
        require(radius > 0 && spatialCells >= 2 && directionCells >= 1, "cylinder geometry");
        require(spatialCells * spatialCells * directionCells <= 1024, "at most 1,024 cells per cylinder");
        require(sigmaSpatial > 0 && sigmaDirection > 0 && bitThreshold > 0 && hullMargin >= 0, "contributions");
        require(minValidCells >= 0 && minValidCells <= 1 && minNeighbours >= 0, "cylinder validity");
        require(keyLength >= 1 && keyLength <= 3 && hashFunctions >= 1 && hashFunctions <= 64, "hashing");
        require(minCylinderBits >= 1, "minCylinderBits");
        require(maxBucketShare > 0 && maxBucketShare <= 1, "maxBucketShare");
        require(minIndexedCylinders >= 1, "minIndexedCylinders");
        require(penetration > 0 && penetration <= 1 && minShortlist >= 1, "short list");
        require(method != null && triangles != null, "method");
    }

    /**
     * The parameters measured in docs/biometrics.md: the triangle method with {@link TriangleParameters#defaults()},
     * skipping keys that more than 5% of the gallery share (skipping those over 2% halved the votes but lost mates).
     *
     * @return the defaults
     */
    public static IndexParameters defaults() {
        return mccDefaults().withMethod(Method.TRIANGLES, TriangleParameters.defaults()).withHashing(3, 16, 0.05);
    }

    /**
     * The first method's parameters, measured in docs/biometrics.md: MCC's published geometry for bit cylinders with
     * a coarser grid (8 x 8 x 5), as the indexing paper coarsens it to make hash values more stable.
     *
     * @return the MCC defaults
     */
    public static IndexParameters mccDefaults() {
        return new IndexParameters(70, 8, 5, 28.0 / 3, 2 * Math.PI / 9, 0.01, 50, 0.75, 2, 3, 16, 4, 0x5AFE_9A55L,
                0.02, 6, 0.01, 512, Method.MCC, TriangleParameters.defaults());
    }

    /**
     * The same parameters with another ranking method.
     *
     * @param ranking the method
     * @param geometry the triangle method's parameters
     * @return new parameters
     */
    public IndexParameters withMethod(final Method ranking, final TriangleParameters geometry) {
        return new IndexParameters(radius, spatialCells, directionCells, sigmaSpatial, sigmaDirection, bitThreshold,
                hullMargin, minValidCells, minNeighbours, keyLength, hashFunctions, minCylinderBits, seed,
                maxBucketShare, minIndexedCylinders, penetration, minShortlist, ranking, geometry);
    }

    /**
     * The same parameters with another short list.
     *
     * @param share share of the gallery on each short list
     * @param floor the shortest short list
     * @return new parameters
     */
    public IndexParameters withShortlist(final double share, final int floor) {
        return new IndexParameters(radius, spatialCells, directionCells, sigmaSpatial, sigmaDirection, bitThreshold,
                hullMargin, minValidCells, minNeighbours, keyLength, hashFunctions, minCylinderBits, seed,
                maxBucketShare, minIndexedCylinders, share, floor, method, triangles);
    }

    /**
     * The same parameters with other hashing.
     *
     * @param length k
     * @param functions L
     * @param stopShare the largest list share still read
     * @return new parameters
     */
    public IndexParameters withHashing(final int length, final int functions, final double stopShare) {
        return new IndexParameters(radius, spatialCells, directionCells, sigmaSpatial, sigmaDirection, bitThreshold,
                hullMargin, minValidCells, minNeighbours, length, functions, minCylinderBits, seed, stopShare,
                minIndexedCylinders, penetration, minShortlist, method, triangles);
    }

    /**
     * How long a short list is for a gallery of a given size.
     *
     * @param gallerySize enrolled templates
     * @return the number of ranked candidates to score
     */
    public int shortlistLength(final int gallerySize) {
        return Math.max(minShortlist, (int) Math.ceil(penetration * gallerySize));
    }

    private static void require(final boolean condition, final String what) {
        if (!condition) {
            throw new IllegalArgumentException("invalid index parameters: " + what);
        }
    }
}
