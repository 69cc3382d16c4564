package org.safepassage.enrollment.biometrics;

/** A decoded 8-bit greyscale image, row-major, 0 = black. */
record GrayImage(int width, int height, byte[] pixels, double declaredDpi) {
    /** Declared DPI when the image carries no resolution. */
    static final double UNDECLARED = 0;

    /** Standard deviation of the grey levels: near 0 for a blank or uniform image. */
    double contrast() {
        double sum = 0;
        double sumSquares = 0;
        for (final byte pixel : pixels) {
            final int value = pixel & 0xff;
            sum += value;
            sumSquares += (double) value * value;
        }
        final double mean = sum / pixels.length;
        return Math.sqrt(Math.max(0, sumSquares / pixels.length - mean * mean));
    }

    /**
     * Mean ridge-orientation coherence over foreground blocks, 0 to 1: the gradient structure tensor's anisotropy
     * (as in NFIQ's orientation certainty). Ridges give a clear dominant direction per block (about 0.5 and more);
     * noise, smudges and blank areas do not (about 0.1). Blocks with almost no grey-level variation are background
     * and are skipped; with no foreground at all the result is 0.
     */
    double ridgeCoherence() {
        final int block = 16;
        double total = 0;
        int blocks = 0;
        for (int by = 1; by + block < height; by += block) {
            for (int bx = 1; bx + block < width; bx += block) {
                double gxx = 0;
                double gyy = 0;
                double gxy = 0;
                for (int y = by; y < by + block; y++) {
                    for (int x = bx; x < bx + block; x++) {
                        final double gx = at(x + 1, y) - at(x - 1, y);
                        final double gy = at(x, y + 1) - at(x, y - 1);
                        gxx += gx * gx;
                        gyy += gy * gy;
                        gxy += gx * gy;
                    }
                }
                // Mean squared gradient below ~(8 grey levels)^2 per pixel: flat background, not a ridge area.
                if (gxx + gyy < 64.0 * block * block) {
                    continue;
                }
                total += Math.sqrt((gxx - gyy) * (gxx - gyy) + 4 * gxy * gxy) / (gxx + gyy);
                blocks++;
            }
        }
        return blocks == 0 ? 0 : total / blocks;
    }

    private int at(final int x, final int y) {
        return pixels[y * width + x] & 0xff;
    }
}
