package org.safepassage.enrollment.subject;

/** A guardian's personal data as stored, encrypted under the subject's data key. */
public record GuardianDetails(String name, String relation, String phoneNumber, String language) {}
