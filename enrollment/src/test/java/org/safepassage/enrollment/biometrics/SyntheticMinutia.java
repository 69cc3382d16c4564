package org.safepassage.enrollment.biometrics;

/**
 * One minutia of a synthetic finger, in image coordinates at 500 DPI: x to the right, y downwards, and the direction
 * in radians from the x axis towards the y axis (clockwise as seen on screen), in {@code [0, 2 pi)}. This is also
 * SourceAFIS's own convention; ISO/IEC 19794-2 counts angles the other way ({@link IsoMinutiaRecord} converts).
 */
record SyntheticMinutia(double x, double y, double direction, Type type) {
    enum Type {
        ENDING,
        BIFURCATION
    }

    SyntheticMinutia {
        direction = normalize(direction);
    }

    static double normalize(final double angle) {
        final double full = 2 * Math.PI;
        final double wrapped = angle % full;
        return wrapped < 0 ? wrapped + full : wrapped;
    }
}
