package org.safepassage.chaincode.model;

/** Who a subject is, and so whether guardians must approve their crossings. */
public enum ProtectionClass {
    MINOR, SURVIVOR
}
