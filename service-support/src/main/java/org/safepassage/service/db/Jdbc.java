package org.safepassage.service.db;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC over a service's data source, without the boilerplate. Inside a {@code @Transactional} method every call
 * joins the transaction. SQL failures become {@link IllegalStateException}s: the schema is ours, so a failing
 * statement is a bug or an outage, never bad input. Not a bean itself: a service with a database produces one (see
 * its {@code JdbcProducer}), so a service without one never needs Agroal.
 */
public final class Jdbc {
    private final AgroalDataSource dataSource;

    public Jdbc(final AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    public int update(final String sql, final Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }

    public <T> List<T> query(final String sql, final RowMapper<T> mapper, final Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            final List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    public <T> Optional<T> queryOne(final String sql, final RowMapper<T> mapper, final Object... parameters) {
        final List<T> rows = query(sql, mapper, parameters);
        if (rows.size() > 1) {
            throw new IllegalStateException("expected at most one row: " + sql);
        }
        return rows.stream().findFirst();
    }

    public static Instant instant(final ResultSet row, final String column) throws SQLException {
        final Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static PreparedStatement prepare(final Connection connection, final String sql, final Object[] parameters)
            throws SQLException {
        final PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            final Object value = parameters[i];
            if (value instanceof Instant at) {
                statement.setTimestamp(i + 1, Timestamp.from(at));
            } else if (value instanceof String[] texts) {
                statement.setArray(i + 1, connection.createArrayOf("text", texts));
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }
}
