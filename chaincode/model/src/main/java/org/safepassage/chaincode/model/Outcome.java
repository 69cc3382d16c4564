package org.safepassage.chaincode.model;

/** What the border post did. */
public enum Outcome {
    ALLOWED, DENIED
}
