package org.safepassage.enrollment.ledger;

/**
 * Outbox work that cannot succeed by being tried again (the other side refused it for what it is, not for how it is
 * doing). Thrown by a handler, it sends the entry to the dead letters for an operator instead of retrying it.
 */
public final class PermanentFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PermanentFailure(final String message) {
        super(message);
    }
}
