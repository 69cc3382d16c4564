package org.safepassage.gateway.crossing;

/**
 * The crossing of a person a scan cleared, with what the scan answered.
 *
 * @param subjectId the scan's {@code subjectId}
 * @param direction {@code EXIT} or {@code ENTRY}
 * @param outcome {@code ALLOWED} or {@code DENIED}
 * @param companionRef the scan's {@code companionRef}, if it had one
 * @param tripId the scan's {@code tripId} for a pre-authorised trip; absent when no guardian consent is needed
 */
public record ClearedCrossingInput(String subjectId, String direction, String outcome, String companionRef,
        String tripId) {}
