package org.safepassage.enrollment.biometrics.iris;

/**
 * The comparison of two IrisCodes at their best rotation.
 *
 * @param rawDistance fraction of disagreeing bits among those valid in both codes, 0 to 1 (1 when none is valid)
 * @param normalizedDistance Daugman's normalised distance: {@code 0.5 - (0.5 - raw) * sqrt(bitsCompared / 1500)}, so a
 *     comparison over few bits is pulled towards 0.5 (chance) rather than trusted
 * @param bitsCompared bits valid in both codes at that rotation
 * @param shift the rotation of the second code, in angular steps, that gave the best score
 */
public record IrisScore(double rawDistance, double normalizedDistance, int bitsCompared, int shift) {}
