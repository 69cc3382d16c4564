package org.safepassage.enrollment.audit;

/** Why personal data was read: the purpose code of each audit row. */
public enum Purpose {
    /** The subject screen: names, birth date, place of birth, languages, guardians with masked phones. */
    SUBJECT_PAGE,
    /** A name or id search on the subject list found this person: their names and birth date were shown. */
    SEARCH_HIT,
    /** The list of newest subjects showed this person's names and birth date. */
    SUBJECT_LIST,
    /** A supervisor's duplicate-referral queue showed this person as the enrolled match. */
    REFERRAL_REVIEW,
    /** GDPR Art. 15: everything held about the person, decrypted. */
    EXPORT,
    /** guardian-notify read a guardian's verified phone number and language to text them. */
    GUARDIAN_CONTACT,
    /** The border's identify answered with this person (1:1 or 1:N). */
    IDENTIFY
}
