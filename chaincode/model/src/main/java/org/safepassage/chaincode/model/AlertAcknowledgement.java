package org.safepassage.chaincode.model;

import java.time.Instant;

/** A child-protection analyst's conclusion on an alert. */
public record AlertAcknowledgement(AlertResolution resolution, String acknowledgedBy, Instant acknowledgedAt) {
    public AlertAcknowledgement {
        Require.present("resolution", resolution);
        Require.present("acknowledgedBy", acknowledgedBy);
        Require.present("acknowledgedAt", acknowledgedAt);
    }
}
