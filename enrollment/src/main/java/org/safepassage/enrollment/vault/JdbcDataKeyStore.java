package org.safepassage.enrollment.vault;

import java.util.Objects;
import java.util.Optional;
import org.safepassage.service.db.Jdbc;

/**
 * Wrapped data keys in PostgreSQL's {@code subject_key} table. Inside a transaction the statements join it, so a
 * subject's key and its ciphertext commit or roll back together.
 */
public final class JdbcDataKeyStore implements DataKeyStore {
    private final Jdbc jdbc;

    public JdbcDataKeyStore(final Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @Override
    public boolean insert(final String subjectId, final WrappedDataKey key) {
        return jdbc.update("insert into subject_key (subject_id, kek_id, wrapped) values (?, ?, ?) on conflict do nothing",
                subjectId, key.kekId(), key.wrapped()) == 1;
    }

    @Override
    public boolean replace(final String subjectId, final WrappedDataKey expected, final WrappedDataKey replacement) {
        return jdbc.update(
                "update subject_key set kek_id = ?, wrapped = ? where subject_id = ? and kek_id = ? and wrapped = ?",
                replacement.kekId(), replacement.wrapped(), subjectId, expected.kekId(), expected.wrapped()) == 1;
    }

    @Override
    public Optional<WrappedDataKey> find(final String subjectId) {
        return jdbc.queryOne("select kek_id, wrapped from subject_key where subject_id = ?",
                row -> new WrappedDataKey(row.getString(1), row.getBytes(2)), subjectId);
    }

    @Override
    public boolean destroy(final String subjectId) {
        return jdbc.update("delete from subject_key where subject_id = ?", subjectId) == 1;
    }
}
