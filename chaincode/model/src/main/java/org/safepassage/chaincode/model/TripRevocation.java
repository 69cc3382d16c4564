package org.safepassage.chaincode.model;

import java.time.Instant;

/** A guardian's withdrawal of a pre-authorised trip; any one linked guardian may revoke. */
public record TripRevocation(String guardianRef, String evidenceHash, Instant revokedAt) {
    public TripRevocation {
        Require.opaqueId("guardianRef", guardianRef);
        Require.sha256Hex("evidenceHash", evidenceHash);
        Require.present("revokedAt", revokedAt);
    }
}
