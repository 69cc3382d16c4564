package org.safepassage.chaincode.model;

/** Whether a pre-authorised trip still holds. */
public enum TripStatus {
    ACTIVE, REVOKED
}
