package org.safepassage.gateway.crossing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safepassage.chaincode.model.OverrideReason;

/**
 * A supervisor's override of a request.
 *
 * @param reasonCode {@code MEDICAL_EMERGENCY}, {@code COURT_ORDER}, {@code GUARDIAN_PRESENT_IN_PERSON} or
 *     {@code CHILD_PROTECTION_ESCORT}
 */
public record OverrideInput(@Schema(required = true, implementation = OverrideReason.class) String reasonCode) {}
