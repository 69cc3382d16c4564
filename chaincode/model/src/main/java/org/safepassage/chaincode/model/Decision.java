package org.safepassage.chaincode.model;

/** A guardian's answer to a crossing request. */
public enum Decision {
    APPROVE, REFUSE
}
