package org.safepassage.chaincode.model;

/** The documented reason a supervisor let a protected minor cross without guardian approval. */
public enum OverrideReason {
    MEDICAL_EMERGENCY, COURT_ORDER, GUARDIAN_PRESENT_IN_PERSON, CHILD_PROTECTION_ESCORT
}
