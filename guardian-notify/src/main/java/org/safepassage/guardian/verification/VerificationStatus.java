package org.safepassage.guardian.verification;

/** Where a phone verification stands. */
public enum VerificationStatus {
    /** The code was texted and awaits the right answer. */
    PENDING,
    /** The right code came back in time: the phone number is verified. */
    VERIFIED,
    /** Too many wrong codes: the verification is dead; start a new one. */
    LOCKED,
    /** The code's time ran out: start a new one. */
    EXPIRED,
    /** The SMS could not be sent: start a new one. */
    SEND_FAILED
}
