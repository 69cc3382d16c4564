package org.safepassage.guardian.oversight;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.safepassage.service.db.Jdbc;

/**
 * The {@code subject_activity} table, over plain JDBC. Inside a JTA transaction (the consumer's, the erasure's) every
 * statement joins it, which is what keeps the projection and the checkpoint in step.
 */
@ApplicationScoped
class ActivityStore {
    private static final String COLUMNS = "transaction_id, seq, block_number, subject_id, kind, occurred_at, post, "
            + "direction, outcome, decision, guardian_ref, request_id, crossing_id, alert_id, alert_type, legal_basis, "
            + "override_reason";

    private final Jdbc jdbc;

    ActivityStore(final Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the row unless a redelivery of its event inserted it before; true if inserted. */
    boolean insert(final Activity a) {
        return jdbc.update("INSERT INTO subject_activity (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?) ON CONFLICT (transaction_id, seq) DO NOTHING", a.transactionId(), a.seq(),
                a.blockNumber(), a.subjectId(), a.kind().name(), a.occurredAt(), a.post(), a.direction(), a.outcome(),
                a.decision(), a.guardianRef(), a.requestId(), a.crossingId(), a.alertId(), a.alertType(),
                a.legalBasis(), a.overrideReason()) == 1;
    }

    int deleteSubject(final String subjectId) {
        return jdbc.update("DELETE FROM subject_activity WHERE subject_id = ?", subjectId);
    }

    List<Activity> timeline(final String subjectId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM subject_activity WHERE subject_id = ? "
                + "ORDER BY occurred_at, block_number, transaction_id, seq", ActivityStore::activity, subjectId);
    }

    /** Rows of the given kinds since a time, oldest first: the statistics' raw material. */
    List<Activity> since(final Instant from, final ActivityKind... kinds) {
        final String[] names = new String[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            names[i] = kinds[i].name();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM subject_activity WHERE occurred_at >= ? AND kind = ANY (?) "
                + "ORDER BY occurred_at", ActivityStore::activity, from, names);
    }


    private static Activity activity(final ResultSet row) throws SQLException {
        return new Activity(row.getString("transaction_id"), row.getInt("seq"), row.getLong("block_number"),
                row.getString("subject_id"), ActivityKind.valueOf(row.getString("kind")),
                row.getTimestamp("occurred_at").toInstant(), row.getString("post"), row.getString("direction"),
                row.getString("outcome"), row.getString("decision"), row.getString("guardian_ref"),
                row.getString("request_id"), row.getString("crossing_id"), row.getString("alert_id"),
                row.getString("alert_type"), row.getString("legal_basis"), row.getString("override_reason"));
    }
}
