package org.safepassage.enrollment.subject;

/** Sex as recorded on civil documents; UNKNOWN when no document says. */
public enum Sex {
    FEMALE, MALE, OTHER, UNKNOWN
}
