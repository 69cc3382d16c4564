package org.safepassage.gateway.crossing;

/**
 * What the guard did with a request.
 *
 * @param outcome {@code ALLOWED} or {@code DENIED}
 */
public record CrossingInput(String outcome) {}
