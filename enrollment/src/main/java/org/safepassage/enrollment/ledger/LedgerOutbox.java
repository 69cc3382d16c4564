package org.safepassage.enrollment.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.safepassage.service.db.Jdbc;

/**
 * Ledger work promised by a local commit. A row is written in the same transaction as the change it stands for and
 * deleted once the ledger has it, so a crash or an outage in between leaves work to retry, never an orphan.
 */
@ApplicationScoped
public class LedgerOutbox {
    /** What the ledger (or, for erasure, guardian-notify) still has to be told. */
    public enum Operation {
        REGISTER, REPLACE_GUARDIANS, ERASE, ERASE_MESSAGES
    }

    /** One pending piece of work. */
    public record Entry(String subjectId, Operation operation, int attempts) {}

    private final Jdbc jdbc;

    LedgerOutbox(final Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void enqueue(final String subjectId, final Operation operation) {
        jdbc.update("insert into ledger_outbox (subject_id, operation, created_at) values (?, ?, ?) "
                + "on conflict (subject_id, operation) do nothing", subjectId, operation.name(), Instant.now());
    }

    public void done(final String subjectId, final Operation operation) {
        jdbc.update("delete from ledger_outbox where subject_id = ? and operation = ?", subjectId, operation.name());
    }

    public void failed(final String subjectId, final Operation operation, final String error) {
        jdbc.update("update ledger_outbox set attempts = attempts + 1, last_error = ? where subject_id = ? and operation = ?",
                error, subjectId, operation.name());
    }

    public boolean isPending(final String subjectId, final Operation operation) {
        return jdbc.queryOne("select 1 from ledger_outbox where subject_id = ? and operation = ?", row -> 1, subjectId,
                operation.name()).isPresent();
    }

    /**
     * Work to retry: rows older than {@code grace}, so the retry does not race the request that wrote the row and is
     * still telling the ledger itself (two identical submissions would conflict on the ledger).
     */
    public List<Entry> pending(final int limit, final java.time.Duration grace) {
        return jdbc.query("select subject_id, operation, attempts from ledger_outbox where created_at < ? "
                        + "order by id limit ?",
                row -> new Entry(row.getString(1), Operation.valueOf(row.getString(2)), row.getInt(3)),
                Instant.now().minus(grace), limit);
    }

    public int size() {
        return jdbc.queryOne("select count(*) from ledger_outbox", row -> row.getInt(1)).orElse(0);
    }
}
