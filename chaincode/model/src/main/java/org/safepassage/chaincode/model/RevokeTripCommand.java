package org.safepassage.chaincode.model;

/** Input of {@code trip:RevokeTrip}: one guardian withdrew a pre-authorised trip. */
public record RevokeTripCommand(String subjectId, String tripId, String guardianRef, String evidenceHash) {
    public RevokeTripCommand {
        Require.opaqueId("subjectId", subjectId);
        Require.ledgerId("tripId", tripId);
        Require.opaqueId("guardianRef", guardianRef);
        Require.sha256Hex("evidenceHash", evidenceHash);
    }
}
