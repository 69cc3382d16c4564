/**
 * The 1:N candidate index in front of SourceAFIS: Minutia Cylinder-Code descriptors hashed by locality-sensitive
 * bit sampling into an inverted index (after Cappelli, Ferrara and Maltoni, "Fingerprint Indexing Based on Minutia
 * Cylinder-Code", IEEE TPAMI 33(5), 2011). A search asks the index for a short list and SourceAFIS scores only that.
 *
 * <p>Entry point: {@link org.safepassage.enrollment.biometrics.index.CandidateIndex}, configured by
 * {@link org.safepassage.enrollment.biometrics.index.IndexParameters}; its answer is a
 * {@link org.safepassage.enrollment.biometrics.index.Shortlist}, which may say that a probe must be searched
 * exhaustively (too few minutiae to index safely). See docs/biometrics.md for the method and its parameters.
 */
package org.safepassage.enrollment.biometrics.index;
