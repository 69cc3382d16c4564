package org.safepassage.chaincode.model;

/** Why an alert was raised. */
public enum AlertType {
    MISSING_CHILD_SCANNED, OVERRIDE, REFUSED_CROSSING, EXPIRED_REQUEST
}
