package org.safepassage.enrollment.biometrics.iris;

/** A circle in image coordinates (pixels, y down). */
record Circle(double x, double y, double r) {
    boolean contains(final double px, final double py) {
        final double dx = px - x;
        final double dy = py - y;
        return dx * dx + dy * dy <= r * r;
    }
}
