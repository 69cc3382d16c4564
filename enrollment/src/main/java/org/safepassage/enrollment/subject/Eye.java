package org.safepassage.enrollment.subject;

/** Which eye an iris image shows, as ISO/IEC 19794-6 names them (the subject's own left and right). */
public enum Eye {
    LEFT, RIGHT
}
