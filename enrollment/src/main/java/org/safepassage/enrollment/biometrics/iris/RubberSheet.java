package org.safepassage.enrollment.biometrics.iris;

/**
 * Daugman's rubber-sheet model (Daugman 2004, section 3): each iris point is remapped to (r, θ) with r from 0 at the
 * pupil boundary to 1 at the limbus, {@code I(x(r,θ), y(r,θ))} with {@code x = (1-r) x_p(θ) + r x_l(θ)}, which
 * undoes pupil dilation and the non-concentric boundaries, giving a fixed-size polar image whatever the capture.
 */
final class RubberSheet {
    /** Radial samples, pupil to limbus. */
    static final int RADII = 32;
    /** Angular samples around the iris. */
    static final int ANGLES = 256;
    /* The first and last few percent of the radius straddle the boundaries: skip them. */
    private static final double INNER = 0.04;
    private static final double OUTER = 0.96;

    private RubberSheet() {}

    /**
     * The polar image: values (row-major, RADII x ANGLES) and validity, plus the fractions used by the quality gate.
     */
    record Polar(double[] values, boolean[] valid) {}

    static Polar unwrap(final EyeImage image, final Segmentation segmentation) {
        final Circle pupil = segmentation.pupil();
        final Circle iris = segmentation.iris();
        final double[] values = new double[RADII * ANGLES];
        final boolean[] valid = new boolean[RADII * ANGLES];
        for (int a = 0; a < ANGLES; a++) {
            final double theta = 2 * Math.PI * a / ANGLES;
            final double cos = Math.cos(theta);
            final double sin = Math.sin(theta);
            final double px = pupil.x() + pupil.r() * cos;
            final double py = pupil.y() + pupil.r() * sin;
            final double lx = iris.x() + iris.r() * cos;
            final double ly = iris.y() + iris.r() * sin;
            for (int j = 0; j < RADII; j++) {
                final double r = INNER + (OUTER - INNER) * (j + 0.5) / RADII;
                final double x = (1 - r) * px + r * lx;
                final double y = (1 - r) * py + r * ly;
                final int i = j * ANGLES + a;
                if (!image.inside(x, y)) {
                    continue;
                }
                values[i] = image.sample(x, y);
                final int nearest = (int) Math.round(y) * image.width() + (int) Math.round(x);
                valid[i] = !segmentation.noise()[nearest] && !segmentation.behindEyelid(x, y);
            }
        }
        return new Polar(values, valid);
    }
}
