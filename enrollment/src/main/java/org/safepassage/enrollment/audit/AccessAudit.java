package org.safepassage.enrollment.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.safepassage.service.actor.ActingPerson;
import org.safepassage.service.db.Jdbc;

/**
 * The access audit: records each read of a person's personal data, and finds rows for the DPO. Every read path calls
 * {@link #record} before it answers, so a read that could not be recorded is not answered (the request fails).
 *
 * <p>Rows are appended in their own transaction under a PostgreSQL advisory lock ({@link #LOCK_KEY}), so instances
 * sharing the database extend one chain, one row after another, and a rolled-back request does not take its audit
 * rows with it.
 */
@ApplicationScoped
public class AccessAudit {
    /** The advisory lock that serialises appends, 0x5AFEA0D100000001. */
    public static final long LOCK_KEY = 0x5AFE_A0D1_0000_0001L;

    static final String COLUMNS = "seq, read_at, actor, purpose, subject_id, what, prev_hash, row_hash";

    private final Jdbc jdbc;
    private final ActingPerson actingPerson;

    AccessAudit(final Jdbc jdbc, final ActingPerson actingPerson) {
        this.jdbc = jdbc;
        this.actingPerson = actingPerson;
    }

    /** One read: whose data, and which of it (categories and opaque references, never values). */
    public record Read(String subjectId, String what) {
        public Read {
            Objects.requireNonNull(subjectId, "subjectId");
            Objects.requireNonNull(what, "what");
        }
    }

    /** Records one read by the acting person. */
    public void record(final Purpose purpose, final String subjectId, final String what) {
        record(purpose, List.of(new Read(subjectId, what)));
    }

    /** Records reads by the acting person, one row each, at one time. */
    public void record(final Purpose purpose, final List<Read> reads) {
        Objects.requireNonNull(purpose, "purpose");
        if (reads.isEmpty()) {
            return;
        }
        final String actor = actingPerson.name();
        QuarkusTransaction.requiringNew().run(() -> append(actor, purpose, reads));
    }

    private void append(final String actor, final Purpose purpose, final List<Read> reads) {
        jdbc.queryOne("select pg_advisory_xact_lock(?)", row -> Boolean.TRUE, LOCK_KEY);
        final Optional<AuditEntry> last = jdbc.queryOne("select " + COLUMNS
                + " from access_audit order by seq desc limit 1", AccessAudit::entry);
        long seq = last.map(AuditEntry::seq).orElse(0L);
        byte[] prev = last.map(AuditEntry::rowHash).orElse(AuditChain.GENESIS);
        // PostgreSQL keeps microseconds: hash exactly what it will give back.
        final Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (Read read : reads) {
            seq++;
            final byte[] hash = AuditChain.rowHash(prev, seq, at, actor, purpose.name(), read.subjectId(), read.what());
            jdbc.update("insert into access_audit (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)", seq, at, actor,
                    purpose.name(), read.subjectId(), read.what(), prev, hash);
            prev = hash;
        }
    }

    /**
     * What the DPO searches the trail by; every field optional.
     *
     * @param from inclusive
     * @param to exclusive
     */
    public record Filter(String actor, String subjectId, Purpose purpose, Instant from, Instant to) {}

    /** Rows matching {@code filter}, newest first, at most {@code limit}. */
    public List<AuditEntry> find(final Filter filter, final int limit) {
        final StringBuilder sql = new StringBuilder("select " + COLUMNS + " from access_audit where true");
        final List<Object> parameters = new ArrayList<>();
        if (filter.actor() != null) {
            sql.append(" and actor = ?");
            parameters.add(filter.actor());
        }
        if (filter.subjectId() != null) {
            sql.append(" and subject_id = ?");
            parameters.add(filter.subjectId());
        }
        if (filter.purpose() != null) {
            sql.append(" and purpose = ?");
            parameters.add(filter.purpose().name());
        }
        if (filter.from() != null) {
            sql.append(" and read_at >= ?");
            parameters.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and read_at < ?");
            parameters.add(filter.to());
        }
        sql.append(" order by seq desc limit ?");
        parameters.add(limit);
        return jdbc.query(sql.toString(), AccessAudit::entry, parameters.toArray());
    }

    /** The last row, if any: the head of the chain. */
    public Optional<AuditEntry> head() {
        return jdbc.queryOne("select " + COLUMNS + " from access_audit order by seq desc limit 1", AccessAudit::entry);
    }

    static AuditEntry entry(final ResultSet row) throws SQLException {
        return new AuditEntry(row.getLong("seq"), Jdbc.instant(row, "read_at"), row.getString("actor"),
                row.getString("purpose"), row.getString("subject_id"), row.getString("what"),
                row.getBytes("prev_hash"), row.getBytes("row_hash"));
    }
}
