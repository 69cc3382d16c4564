package org.safepassage.enrollment.biometrics.iris;

/**
 * Where the iris is in an image: pupil and limbus circles, the two eyelid arcs, and which pixels are noise.
 *
 * <p>Eyelids are parabolas {@code y = upperApex + upperCurvature * (x - iris.x)^2} (upper, opening downwards in the
 * image) and {@code y = lowerApex - lowerCurvature * (x - iris.x)^2} (lower); an eyelid that does not cross the iris
 * has its apex outside it.
 *
 * @param pupil the pupil boundary
 * @param iris the limbus boundary
 * @param upperApex the upper eyelid's lowest point on the iris's vertical axis
 * @param upperCurvature the upper eyelid's curvature
 * @param lowerApex the lower eyelid's highest point on the iris's vertical axis
 * @param lowerCurvature the lower eyelid's curvature
 * @param noise per image pixel, {@code true} for eyelash or specular reflection
 */
record Segmentation(Circle pupil, Circle iris, double upperApex, double upperCurvature, double lowerApex,
        double lowerCurvature, boolean[] noise) {
    boolean behindEyelid(final double x, final double y) {
        final double dx = x - iris.x();
        return y < upperApex + upperCurvature * dx * dx || y > lowerApex - lowerCurvature * dx * dx;
    }
}
