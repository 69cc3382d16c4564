package org.safepassage.enrollment.biometrics.iris;

/** A decoded 8-bit greyscale eye image, row-major, values 0-255. */
record EyeImage(int width, int height, int[] pixels) {
    int at(final int x, final int y) {
        return pixels[y * width + x];
    }

    boolean inside(final double x, final double y) {
        return x >= 0 && y >= 0 && x <= width - 1 && y <= height - 1;
    }

    /** Bilinear interpolation; the caller keeps (x, y) inside the image. */
    double sample(final double x, final double y) {
        final int x0 = Math.min((int) x, width - 2);
        final int y0 = Math.min((int) y, height - 2);
        final double fx = x - x0;
        final double fy = y - y0;
        final int i = y0 * width + x0;
        final double top = pixels[i] * (1 - fx) + pixels[i + 1] * fx;
        final double bottom = pixels[i + width] * (1 - fx) + pixels[i + width + 1] * fx;
        return top * (1 - fy) + bottom * fy;
    }

    /** The image smoothed by a (2r+1)-square box filter, through an integral image; borders use the part inside. */
    EyeImage boxFiltered(final int r) {
        final long[] integral = new long[(width + 1) * (height + 1)];
        for (int y = 0; y < height; y++) {
            long row = 0;
            for (int x = 0; x < width; x++) {
                row += pixels[y * width + x];
                integral[(y + 1) * (width + 1) + x + 1] = integral[y * (width + 1) + x + 1] + row;
            }
        }
        final int[] out = new int[pixels.length];
        for (int y = 0; y < height; y++) {
            final int y0 = Math.max(0, y - r);
            final int y1 = Math.min(height, y + r + 1);
            for (int x = 0; x < width; x++) {
                final int x0 = Math.max(0, x - r);
                final int x1 = Math.min(width, x + r + 1);
                final long sum = integral[y1 * (width + 1) + x1] - integral[y0 * (width + 1) + x1]
                        - integral[y1 * (width + 1) + x0] + integral[y0 * (width + 1) + x0];
                out[y * width + x] = (int) (sum / ((long) (x1 - x0) * (y1 - y0)));
            }
        }
        return new EyeImage(width, height, out);
    }
}
