/**
 * The 1:N candidate index in front of SourceAFIS. By default it keys every triangle of an enrolled template's
 * minutiae by its quantised shape (after Bhanu and Tan, IEEE TPAMI 25(5), 2003) and ranks the gallery by the largest
 * cluster of the rotations and translations a probe's colliding triangles imply (after Germain, Califano and
 * Colville, IEEE CSE 4(4), 1997); the first method, Minutia Cylinder-Code descriptors hashed by MinHash into an
 * inverted index (after Cappelli, Ferrara and Maltoni, IEEE TPAMI 33(5), 2011), remains selectable. A search asks the
 * index for a short list and SourceAFIS scores only that.
 *
 * <p>Entry point: {@link org.safepassage.enrollment.biometrics.index.CandidateIndex}, configured by
 * {@link org.safepassage.enrollment.biometrics.index.IndexParameters}; its answer is a
 * {@link org.safepassage.enrollment.biometrics.index.Shortlist}, which may say that a probe must be searched
 * exhaustively (too few minutiae to index safely). See docs/biometrics.md for the method and its parameters.
 */
package org.safepassage.enrollment.biometrics.index;
