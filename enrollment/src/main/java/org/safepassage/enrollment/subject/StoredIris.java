package org.safepassage.enrollment.subject;

/**
 * One enrolled eye as the {@code iris} table holds it: the biometric parts sealed under the subject's data key.
 *
 * @param code the IrisCode and its mask (for 1:N), sealed
 * @param helper the iris-fc-v1 helper data, sealed
 * @param salt the eye's commitment salt, sealed
 * @param commitment the eye's iris-fc-v1 commitment, as on the ledger
 */
public record StoredIris(String subjectId, Eye eye, byte[] code, byte[] helper, byte[] salt, String commitment,
        String pepperId) {}
