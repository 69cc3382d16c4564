package org.safepassage.chaincode.model;

/** The kinds of legal basis for a crossing. */
public enum BasisType {
    /** Guardians approved a crossing request. */
    APPROVAL,
    /** A pre-authorised trip covers the crossing. */
    PREAUTHORISED,
    /** The subject needs no guardian consent (an adult survivor, or a minor past the consent month), or was denied. */
    NOT_REQUIRED,
    /** A border supervisor let the crossing happen for a documented reason; always raises an alert. */
    SUPERVISED_OVERRIDE
}
