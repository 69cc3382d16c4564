package org.safepassage.chaincode.model;

/** What the analyst concluded about an alert. */
public enum AlertResolution {
    CHILD_SAFE, FALSE_POSITIVE, CASE_OPENED, REFERRED_TO_POLICE
}
