package org.safepassage.chaincode.model;

/** Where a crossing request stands. */
public enum RequestStatus {
    PENDING, APPROVED, REFUSED, EXPIRED, CANCELLED
}
