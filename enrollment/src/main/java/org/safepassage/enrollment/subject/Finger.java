package org.safepassage.enrollment.subject;

/** Finger positions as ISO/IEC 19794-2 numbers them. */
public enum Finger {
    RIGHT_THUMB, RIGHT_INDEX, RIGHT_MIDDLE, RIGHT_RING, RIGHT_LITTLE,
    LEFT_THUMB, LEFT_INDEX, LEFT_MIDDLE, LEFT_RING, LEFT_LITTLE
}
