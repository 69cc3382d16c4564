package org.safepassage.guardian.crossing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.safepassage.service.db.Jdbc;

/**
 * One outbox row: the text to one guardian about one crossing request, and what became of it.
 *
 * @param state {@link State}
 * @param phoneHash keyed hash of the number the text went to
 * @param codeHash keyed hash of the code, bound to request and guardian; cleared once the code is used
 */
record GuardianMessage(
        String requestId,
        String guardianRef,
        State state,
        byte[] phoneHash,
        String language,
        byte[] codeHash,
        Instant codeExpiresAt,
        String messageSid,
        String deliveryStatus,
        int sendAttempts,
        int wrongAttempts,
        boolean locked,
        String decision,
        String decisionState) {

    /** Where a text stands. */
    enum State {
        /** To be sent. */
        NEW,
        /** Claimed, code made, the provider is being called: after a crash the outcome is unknown. */
        SENDING,
        /** Accepted by the provider. */
        SENT,
        /** The provider failed or a crash interrupted the send; it may have gone out, so it is never resent. */
        SEND_UNKNOWN,
        /** The provider refused the number. */
        UNREACHABLE,
        /** The guardian texted STOP (or the provider reports the number opted out). */
        OPTED_OUT,
        /** Enrollment knows no verified phone for the guardian. */
        NO_CONTACT,
        /** The request was no longer pending when the event was read. */
        SKIPPED
    }

    static GuardianMessage read(final ResultSet row) throws SQLException {
        return new GuardianMessage(row.getString("request_id"), row.getString("guardian_ref"),
                State.valueOf(row.getString("state")), row.getBytes("phone_hash"), row.getString("language"),
                row.getBytes("code_hash"), Jdbc.instant(row, "code_expires_at"), row.getString("message_sid"),
                row.getString("delivery_status"), row.getInt("send_attempts"), row.getInt("wrong_attempts"),
                row.getBoolean("locked"), row.getString("decision"), row.getString("decision_state"));
    }
}
