package org.safepassage.gateway.scan;

/** The one decision a guard sees after a scan. */
public enum Decision {
    /** The person may cross: not protected, or a pre-authorised trip covers this crossing. */
    CLEAR,
    /** A protected minor: the guardians were asked; wait on the request's live status. */
    GUARDIAN_APPROVAL_NEEDED,
    /** Stop: a child reported missing, an erased identity or a tampered record. */
    ALERT,
    /** Nobody enrolled matches the scan. */
    NOT_ENROLLED
}
