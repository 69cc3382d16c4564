package org.safepassage.enrollment.ledger;

/** Carries out one kind of outbox work; must be idempotent, since a retry may follow a success that went unseen. */
public interface OutboxHandler {
    LedgerOutbox.Operation operation();

    /**
     * Brings the ledger in line with the local state for {@code subjectId}, and clears the outbox row when done.
     *
     * @throws RuntimeException if the ledger could not be told; the row stays and is retried
     */
    void apply(String subjectId);
}
