package org.safepassage.service.api;

/**
 * A machine-readable reason a service answers with, and its HTTP status: each service's own enum of reasons
 * implements it, so that {@link ApiException} and {@link ApiError} are the same in every service.
 */
public interface ErrorReason {
    /** The code clients switch on, e.g. {@code INVALID_FIELD}. */
    String name();

    /** The HTTP status it is answered with. */
    int status();
}
