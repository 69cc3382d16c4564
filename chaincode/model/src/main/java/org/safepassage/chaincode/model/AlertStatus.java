package org.safepassage.chaincode.model;

/** Whether a child-protection analyst has dealt with an alert. */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED
}
