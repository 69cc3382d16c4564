package org.safepassage.enrollment.subject;

/** GDPR Art. 6/9 grounds an agency can enroll someone on. */
public enum LegalBasisOfProcessing {
    /** Art. 6(1)(a) with 9(2)(a): the guardian's (or adult's) explicit consent. */
    CONSENT,
    /** Art. 6(1)(c): a legal obligation of the agency. */
    LEGAL_OBLIGATION,
    /** Art. 6(1)(d) with 9(2)(c): the vital interests of a child who cannot consent. */
    VITAL_INTERESTS,
    /** Art. 6(1)(e) with 9(2)(g): a task in the public interest set down in law. */
    PUBLIC_TASK
}
