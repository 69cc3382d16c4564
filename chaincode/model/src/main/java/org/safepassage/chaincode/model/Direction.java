package org.safepassage.chaincode.model;

/** Which way a crossing goes, seen from the post's country. */
public enum Direction {
    EXIT, ENTRY
}
