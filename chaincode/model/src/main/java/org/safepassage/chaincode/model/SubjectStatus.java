package org.safepassage.chaincode.model;

/** The life of a subject on the ledger. */
public enum SubjectStatus {
    ACTIVE, FLAGGED_MISSING, ERASED
}
