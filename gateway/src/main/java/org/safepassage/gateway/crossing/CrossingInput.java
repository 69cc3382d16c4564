package org.safepassage.gateway.crossing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safepassage.chaincode.model.Outcome;

/**
 * What the guard did with a request.
 *
 * @param outcome {@code ALLOWED} or {@code DENIED}
 */
public record CrossingInput(@Schema(required = true, implementation = Outcome.class) String outcome) {}
