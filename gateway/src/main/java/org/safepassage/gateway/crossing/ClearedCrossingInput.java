package org.safepassage.gateway.crossing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.Identifiers;
import org.safepassage.chaincode.model.Outcome;

/**
 * The crossing of a person a scan cleared, with what the scan answered.
 *
 * @param subjectId the scan's {@code subjectId}
 * @param direction {@code EXIT} or {@code ENTRY}
 * @param outcome {@code ALLOWED} or {@code DENIED}
 * @param companionRef the scan's {@code companionRef}, if it had one
 * @param tripId the scan's {@code tripId} for a pre-authorised trip; absent when no guardian consent is needed
 */
public record ClearedCrossingInput(
        @Schema(required = true, pattern = Identifiers.OPAQUE_ID_PATTERN, examples = "sub-0123456789abcdef")
                String subjectId,
        @Schema(required = true, implementation = Direction.class) String direction,
        @Schema(required = true, implementation = Outcome.class) String outcome,
        @Schema(pattern = Identifiers.OPAQUE_ID_PATTERN) String companionRef,
        @Schema(pattern = Identifiers.LEDGER_ID_PATTERN)
        String tripId) {}
