package org.safepassage.enrollment.biometrics;

/**
 * The outcome of a 1:1 comparison.
 *
 * @param score the SourceAFIS similarity score
 * @param threshold the threshold it was compared with
 * @param matched {@code true} if {@code score >= threshold}
 */
public record Verification(double score, double threshold, boolean matched) {}
