package org.safepassage.chaincode.model;

/**
 * A guardian's consent to a pre-authorised trip.
 *
 * @param evidenceHash SHA-256 (hex) of the SMS evidence kept off-chain by the notifier
 */
public record GuardianApproval(String guardianRef, String evidenceHash) {
    public GuardianApproval {
        Require.opaqueId("guardianRef", guardianRef);
        Require.sha256Hex("evidenceHash", evidenceHash);
    }
}
