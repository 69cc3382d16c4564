package org.safepassage.enrollment.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.safepassage.service.actor.ActingPerson;
import org.safepassage.service.db.Jdbc;

/**
 * Ledger work promised by a local commit. A row is written in the same transaction as the change it stands for and
 * deleted once the ledger has it, so a crash or an outage in between leaves work to retry, never an orphan. A row that
 * fails for a permanent reason is set aside as a dead letter, so it never holds up anyone else's work. Each row keeps
 * the actor of the request that queued it ({@link ActingPerson#actor()}), so a retry names on the ledger the person
 * whose change it carries out.
 */
@ApplicationScoped
public class LedgerOutbox {
    /*
     * A new row waits this long before the worker may take it, so the retry does not race the request that wrote it
     * and is still telling the ledger itself (two identical submissions would conflict on the ledger).
     */
    static final Duration GRACE = Duration.ofSeconds(20);

    /** What the ledger (or, for erasure, guardian-notify) still has to be told. */
    public enum Operation {
        REGISTER, REPLACE_GUARDIANS, ERASE, ERASE_MESSAGES
    }

    /** Where a row stands: retried when due, or set aside for an operator. */
    public enum State {
        PENDING, DEAD
    }

    /** One piece of work; {@code actor} is null for rows queued before actors were kept. */
    public record Entry(long id, String subjectId, Operation operation, int attempts, String actor) {}

    /** A row as the operator sees it; {@code lastError} holds exception types and opaque ids, no personal data. */
    public record Row(long id, String subjectId, Operation operation, State state, int attempts, String lastError,
            Instant createdAt, Instant nextAttemptAt, Instant failedAt) {}

    private final Jdbc jdbc;
    private final ActingPerson acting;

    LedgerOutbox(final Jdbc jdbc, final ActingPerson acting) {
        this.jdbc = jdbc;
        this.acting = acting;
    }

    /**
     * Queues work for the current actor; work queued again for a dead letter revives it, since handlers re-read the
     * current state. Work queued again while still pending takes the newer actor: the retry writes the state her
     * change left.
     */
    public void enqueue(final String subjectId, final Operation operation) {
        final Instant now = Instant.now();
        jdbc.update("insert into ledger_outbox (subject_id, operation, created_at, next_attempt_at, actor) "
                + "values (?, ?, ?, ?, ?) on conflict (subject_id, operation) do update set actor = excluded.actor, "
                + "state = 'PENDING', "
                + "attempts = case when ledger_outbox.state = 'DEAD' then 0 else ledger_outbox.attempts end, "
                + "next_attempt_at = case when ledger_outbox.state = 'DEAD' then excluded.next_attempt_at "
                + "else ledger_outbox.next_attempt_at end, failed_at = null",
                subjectId, operation.name(), now, now.plus(GRACE), acting.actor());
    }

    public void done(final String subjectId, final Operation operation) {
        jdbc.update("delete from ledger_outbox where subject_id = ? and operation = ?", subjectId, operation.name());
    }

    /** A passing failure: tried again at {@code next}. */
    void retryLater(final Entry entry, final String error, final Instant next) {
        jdbc.update("update ledger_outbox set attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
                + "where id = ? and state = 'PENDING'", error, next, entry.id());
    }

    /**
     * A permanent failure: set aside with its reason until an operator retries it.
     *
     * @return whether the entry was still there to set aside (a handler may have closed it while failing)
     */
    boolean deadLetter(final Entry entry, final String error, final Instant at) {
        return jdbc.update("update ledger_outbox set attempts = attempts + 1, last_error = ?, state = 'DEAD', failed_at = ? "
                + "where id = ? and state = 'PENDING'", error, at, entry.id()) == 1;
    }

    /**
     * An operator's retry of a dead letter, once its cause is mended; due at once.
     *
     * @return whether there was such a dead letter
     */
    public boolean requeue(final long id) {
        return jdbc.update("update ledger_outbox set state = 'PENDING', next_attempt_at = ?, failed_at = null "
                + "where id = ? and state = 'DEAD'", Instant.now(), id) == 1;
    }

    public boolean isPending(final String subjectId, final Operation operation) {
        return jdbc.queryOne("select 1 from ledger_outbox where subject_id = ? and operation = ?", row -> 1, subjectId,
                operation.name()).isPresent();
    }

    /**
     * Work due at {@code now}: for each subject only its oldest row, and only if that row is pending. A subject's later
     * work waits behind its earlier work (a registration before its erasure), even behind a dead letter; other
     * subjects' work never does.
     */
    List<Entry> due(final int limit, final Instant now) {
        return jdbc.query("select o.id, o.subject_id, o.operation, o.attempts, o.actor from ledger_outbox o "
                        + "where o.state = 'PENDING' and o.next_attempt_at <= ? and not exists "
                        + "(select 1 from ledger_outbox e where e.subject_id = o.subject_id and e.id < o.id) "
                        + "order by o.next_attempt_at, o.id limit ?",
                row -> new Entry(row.getLong(1), row.getString(2), Operation.valueOf(row.getString(3)), row.getInt(4),
                        row.getString(5)),
                now, limit);
    }

    /** The dead letters, oldest first. */
    public List<Row> dead() {
        return jdbc.query("select id, subject_id, operation, state, attempts, last_error, created_at, next_attempt_at, "
                + "failed_at from ledger_outbox where state = 'DEAD' order by id", row -> new Row(row.getLong(1),
                        row.getString(2), Operation.valueOf(row.getString(3)), State.valueOf(row.getString(4)),
                        row.getInt(5), row.getString(6), Jdbc.instant(row, "created_at"),
                        Jdbc.instant(row, "next_attempt_at"), Jdbc.instant(row, "failed_at")));
    }

    public int count(final State state) {
        return jdbc.queryOne("select count(*) from ledger_outbox where state = ?", row -> row.getInt(1), state.name())
                .orElse(0);
    }

    public int size() {
        return jdbc.queryOne("select count(*) from ledger_outbox", row -> row.getInt(1)).orElse(0);
    }
}
