package org.safepassage.enrollment.biometrics;

/**
 * Limits a fingerprint image must meet before its template is accepted.
 *
 * @param maxBytes largest upload in bytes; larger ones are refused unread
 * @param maxPixelsPerSide largest width or height in pixels, checked from the header before decoding, so a small
 *     file that declares a huge image cannot exhaust memory
 * @param minSideMm smallest width and height of the imaged area, in millimetres at the image's resolution
 * @param maxSideMm largest width or height of the imaged area, in millimetres
 * @param minDpi lowest accepted resolution
 * @param maxDpi highest accepted resolution
 * @param defaultDpi resolution assumed when the image declares none (most PNGs from scanners' SDKs)
 * @param minContrast smallest standard deviation of grey levels (0-255) for the image to count as having ridges
 * @param minRidgeCoherence smallest mean ridge-orientation coherence (0-1) over the image's textured blocks: ridges
 *     score about 0.6-0.9, noise, smudges and blurred captures about 0.1
 * @param minMinutiae fewest minutiae a template needs
 */
public record QualityPolicy(
        int maxBytes,
        int maxPixelsPerSide,
        double minSideMm,
        double maxSideMm,
        double minDpi,
        double maxDpi,
        double defaultDpi,
        double minContrast,
        double minRidgeCoherence,
        int minMinutiae) {
    /**
     * Checks the limits are consistent.
     *
     * @throws IllegalArgumentException if a limit is non-positive or a minimum exceeds its maximum
     */
    public QualityPolicy {
        if (maxBytes <= 0 || maxPixelsPerSide <= 0 || minSideMm <= 0 || minDpi <= 0 || minContrast < 0
                || minRidgeCoherence < 0
                || minMinutiae < 0) {
            throw new IllegalArgumentException("quality limits must be positive");
        }
        if (minSideMm > maxSideMm || minDpi > maxDpi || defaultDpi < minDpi || defaultDpi > maxDpi) {
            throw new IllegalArgumentException("quality minimum exceeds maximum, or default DPI outside range");
        }
    }

    /**
     * Defaults for single flat or rolled fingers from 500/1000 ppi sensors: at most 8 MiB and 2,500 px a side,
     * imaged area 10-50 mm a side, 300-1,010 DPI (500 assumed when undeclared), grey-level spread at least 10,
     * ridge coherence at least 0.3, at least 12 minutiae (the usual floor for reliable 1:N; good prints give 30-80).
     *
     * @return the default policy
     */
    public static QualityPolicy defaults() {
        return new QualityPolicy(8 * 1024 * 1024, 2500, 10, 50, 300, 1010, 500, 10, 0.3, 12);
    }
}
