package org.safepassage.chaincode.model;

import java.time.Instant;

/**
 * One guardian's answer to a crossing request.
 *
 * @param evidenceHash SHA-256 (hex) of the SMS evidence kept off-chain by the notifier
 */
public record GuardianDecision(String guardianRef, Decision decision, String evidenceHash, Instant decidedAt) {
    public GuardianDecision {
        Require.opaqueId("guardianRef", guardianRef);
        Require.present("decision", decision);
        Require.sha256Hex("evidenceHash", evidenceHash);
        Require.present("decidedAt", decidedAt);
    }
}
