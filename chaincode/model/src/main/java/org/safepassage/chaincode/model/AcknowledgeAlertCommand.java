package org.safepassage.chaincode.model;

/** Input of {@code alert:AcknowledgeAlert}: an analyst concluded on an alert. */
public record AcknowledgeAlertCommand(String alertId, AlertResolution resolution) {
    public AcknowledgeAlertCommand {
        Require.ledgerId("alertId", alertId);
        Require.present("resolution", resolution);
    }
}
