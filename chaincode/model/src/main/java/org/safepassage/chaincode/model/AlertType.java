package org.safepassage.chaincode.model;

/** Why an alert was raised. */
public enum AlertType {
    MISSING_CHILD_SCANNED, OVERRIDE, REFUSED_CROSSING, EXPIRED_REQUEST,
    /** A trafficking red-flag rule matched a pattern in the ledger's events; the alert names the rule. */
    RED_FLAG
}
