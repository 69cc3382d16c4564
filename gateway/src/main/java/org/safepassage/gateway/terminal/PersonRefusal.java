package org.safepassage.gateway.terminal;

import org.safepassage.service.api.ErrorReason;

/** Why the gateway refuses a terminal's call for want of the right person logged in at it. */
public enum PersonRefusal implements ErrorReason {
    /** The certificate came without a person's login (no bearer token, no screen session). */
    PERSON_LOGIN_REQUIRED(401),
    /** The person logged in is neither a guard nor a border supervisor. */
    PERSON_ROLE_REQUIRED(403),
    /** An override, and the person logged in is not a border supervisor. */
    SUPERVISOR_LOGIN_REQUIRED(403);

    private final int status;

    PersonRefusal(final int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
