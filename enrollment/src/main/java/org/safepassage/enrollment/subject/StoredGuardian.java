package org.safepassage.enrollment.subject;

/** A guardian's row: the opaque reference the ledger holds, and the details still encrypted. */
public record StoredGuardian(String guardianRef, String subjectId, int version, int position, byte[] details,
        boolean phoneVerified) {}
