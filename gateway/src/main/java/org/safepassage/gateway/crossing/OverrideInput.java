package org.safepassage.gateway.crossing;

/**
 * A supervisor's override of a request.
 *
 * @param reasonCode {@code MEDICAL_EMERGENCY}, {@code COURT_ORDER}, {@code GUARDIAN_PRESENT_IN_PERSON} or
 *     {@code CHILD_PROTECTION_ESCORT}
 */
public record OverrideInput(String reasonCode) {}
