package org.safepassage.chaincode.model;

/** Input of {@code subject:RenewCommitment}: re-enrollment with a new salt; the old commitment is revoked for good. */
public record RenewCommitmentCommand(String subjectId, String commitment, CommitmentScheme scheme) {
    public RenewCommitmentCommand {
        Require.opaqueId("subjectId", subjectId);
        Require.sha256Hex("commitment", commitment);
        Require.present("scheme", scheme);
    }
}
