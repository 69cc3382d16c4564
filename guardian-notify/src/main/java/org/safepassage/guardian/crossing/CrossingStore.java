package org.safepassage.guardian.crossing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.Decision;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.RequestStatus;
import org.safepassage.guardian.crossing.GuardianMessage.State;
import org.safepassage.service.db.Jdbc;

/**
 * The crossing flow's tables (see {@code db/migration/V1__crossing.sql}). Each method is one statement, atomic by
 * itself; callers compose them inside {@code @Transactional} methods where several must commit together.
 */
@ApplicationScoped
class CrossingStore {
    /** A consumer's position on the ledger: resume after {@code transactionId} in {@code blockNumber}. */
    record Checkpoint(long blockNumber, String transactionId) {}

    /** Wrong tries counted so far and whether they locked the code. */
    record WrongTries(int wrongAttempts, boolean locked) {}

    private final Jdbc jdbc;

    CrossingStore(final Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    // ---- checkpoint ----

    Optional<Checkpoint> checkpoint(final String consumer) {
        return jdbc.queryOne("SELECT block_number, transaction_id FROM event_checkpoint WHERE consumer = ?",
                row -> new Checkpoint(row.getLong(1), row.getString(2)), consumer);
    }

    void saveCheckpoint(final String consumer, final long blockNumber, final String transactionId, final Instant now) {
        jdbc.update("INSERT INTO event_checkpoint (consumer, block_number, transaction_id, updated_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (consumer) DO UPDATE SET block_number = EXCLUDED.block_number, "
                + "transaction_id = EXCLUDED.transaction_id, updated_at = EXCLUDED.updated_at",
                consumer, blockNumber, transactionId, now);
    }

    // ---- requests ----

    /** Records a request once; false if it was recorded before (a redelivered event). */
    boolean insertRequest(final CrossingRequest request, final long blockNumber, final Instant now) {
        return jdbc.update("INSERT INTO crossing_request (request_id, subject_id, post, direction, companion_ref, "
                + "approval_quorum, guardian_count, status, approvals, refusals, created_at, expires_at, "
                + "block_number, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (request_id) DO NOTHING",
                request.requestId(), request.subjectId(), request.post(), request.direction().name(),
                request.companionRef(), request.approvalQuorum(), request.guardianRefs().size(),
                request.status().name(), (int) request.count(Decision.APPROVE), (int) request.count(Decision.REFUSE),
                request.createdAt(), request.expiresAt(), blockNumber, now) == 1;
    }

    /** Updates the ledger's view of a known request; does nothing for a request this service never saw. */
    void updateRequest(final CrossingRequest request, final Instant now) {
        jdbc.update("UPDATE crossing_request SET status = ?, approvals = ?, refusals = ?, updated_at = ? "
                + "WHERE request_id = ?", request.status().name(), (int) request.count(Decision.APPROVE),
                (int) request.count(Decision.REFUSE), now, request.requestId());
    }

    /** What a text about a request says, and until when the request is open. */
    record RequestFacts(String requestId, String post, Direction direction, String companionRef, Instant createdAt,
            Instant expiresAt, RequestStatus status) {}

    Optional<RequestFacts> request(final String requestId) {
        return jdbc.queryOne("SELECT * FROM crossing_request WHERE request_id = ?", row -> new RequestFacts(
                row.getString("request_id"), row.getString("post"), Direction.valueOf(row.getString("direction")),
                row.getString("companion_ref"), Jdbc.instant(row, "created_at"), Jdbc.instant(row, "expires_at"),
                RequestStatus.valueOf(row.getString("status"))), requestId);
    }

    // ---- outbox ----

    void insertMessage(final String requestId, final String guardianRef, final State state, final Instant now) {
        jdbc.update("INSERT INTO guardian_message (request_id, guardian_ref, state, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (request_id, guardian_ref) DO NOTHING",
                requestId, guardianRef, state.name(), now, now);
    }

    List<GuardianMessage> messagesIn(final State state) {
        return jdbc.query("SELECT * FROM guardian_message WHERE state = ? ORDER BY created_at, request_id, "
                + "guardian_ref", GuardianMessage::read, state.name());
    }

    List<GuardianMessage> messages(final String requestId) {
        return jdbc.query("SELECT * FROM guardian_message WHERE request_id = ? ORDER BY guardian_ref",
                GuardianMessage::read, requestId);
    }

    /**
     * Claims a new text for sending: binds the code's hash and the number's hash to it and moves it to
     * {@code SENDING}. Only one caller can win; false if the text was claimed (or settled) already.
     */
    boolean claim(final GuardianMessage message, final byte[] phoneHash, final String language,
            final byte[] codeHash, final Instant codeExpiresAt, final Instant now) {
        return jdbc.update("UPDATE guardian_message SET state = 'SENDING', phone_hash = ?, language = ?, "
                + "code_hash = ?, code_expires_at = ?, send_attempts = send_attempts + 1, updated_at = ? "
                + "WHERE request_id = ? AND guardian_ref = ? AND state = 'NEW'", phoneHash, language, codeHash,
                codeExpiresAt, now, message.requestId(), message.guardianRef()) == 1;
    }

    void sent(final GuardianMessage message, final String messageSid, final String status, final Instant now) {
        jdbc.update("UPDATE guardian_message SET state = 'SENT', message_sid = ?, delivery_status = ?, "
                + "updated_at = ? WHERE request_id = ? AND guardian_ref = ?", messageSid, status, now,
                message.requestId(), message.guardianRef());
    }

    /** Settles a text that will not be sent (again); its code, if one was made, can no longer be used. */
    void settle(final GuardianMessage message, final State state, final Integer providerError, final Instant now) {
        jdbc.update("UPDATE guardian_message SET state = ?, delivery_error = ?, code_hash = NULL, updated_at = ? "
                + "WHERE request_id = ? AND guardian_ref = ?", state.name(), providerError, now,
                message.requestId(), message.guardianRef());
    }

    /** Texts interrupted mid-send by a crash: they may have gone out, so they become SEND_UNKNOWN, never resent. */
    int abandonInterruptedSends(final Instant now) {
        return jdbc.update("UPDATE guardian_message SET state = 'SEND_UNKNOWN', code_hash = NULL, updated_at = ? "
                + "WHERE state = 'SENDING'", now);
    }

    /** Records a status callback; a final status is never overwritten by a late earlier one. */
    boolean delivery(final String messageSid, final String status, final Integer errorCode, final Instant now) {
        return jdbc.update("UPDATE guardian_message SET delivery_status = ?, delivery_error = COALESCE(?, "
                + "delivery_error), updated_at = ? WHERE message_sid = ? AND (delivery_status IS NULL OR "
                + "delivery_status NOT IN ('delivered', 'undelivered', 'failed'))", status, errorCode, now,
                messageSid) == 1;
    }

    /** Texts sent to this number that still wait for an answer, locked ones included. */
    List<GuardianMessage> awaitingReply(final byte[] phoneHash) {
        return jdbc.query("SELECT * FROM guardian_message WHERE phone_hash = ? AND state = 'SENT' "
                + "AND decision IS NULL ORDER BY created_at", GuardianMessage::read, phoneHash);
    }

    WrongTries countWrongTry(final GuardianMessage message, final int maxAttempts, final Instant now) {
        return jdbc.queryOne("UPDATE guardian_message SET wrong_attempts = wrong_attempts + 1, "
                + "locked = wrong_attempts + 1 >= ?, code_hash = CASE WHEN wrong_attempts + 1 >= ? THEN NULL "
                + "ELSE code_hash END, updated_at = ? WHERE request_id = ? AND guardian_ref = ? AND NOT locked "
                + "RETURNING wrong_attempts, locked", row -> new WrongTries(row.getInt(1), row.getBoolean(2)),
                maxAttempts, maxAttempts, now, message.requestId(), message.guardianRef())
                .orElse(new WrongTries(maxAttempts, true));
    }

    /** Uses the code up for a decision; false if it was used or locked meanwhile. */
    boolean decide(final GuardianMessage message, final Decision decision, final String evidence,
            final String replySid, final Instant now) {
        return jdbc.update("UPDATE guardian_message SET decision = ?, decision_state = 'SUBMITTING', "
                + "decision_evidence = ?, reply_sid = ?, decided_at = ?, code_hash = NULL, updated_at = ? "
                + "WHERE request_id = ? AND guardian_ref = ? AND decision IS NULL AND NOT locked", decision.name(),
                evidence, replySid, now, now, message.requestId(), message.guardianRef()) == 1;
    }

    void decisionState(final String requestId, final String guardianRef, final String state, final Instant now) {
        jdbc.update("UPDATE guardian_message SET decision_state = ?, updated_at = ? WHERE request_id = ? "
                + "AND guardian_ref = ?", state, now, requestId, guardianRef);
    }

    /** A decision taken off-chain that has not (yet) reached the ledger. */
    record UnrecordedDecision(String requestId, String guardianRef, Decision decision, String evidence) {}

    /** Decisions whose ledger submission failed, or was interrupted (still SUBMITTING since before {@code cutoff}). */
    List<UnrecordedDecision> unrecordedDecisions(final Instant cutoff) {
        return jdbc.query("SELECT request_id, guardian_ref, decision, decision_evidence FROM guardian_message "
                + "WHERE decision IS NOT NULL AND (decision_state = 'LEDGER_FAILED' OR (decision_state = "
                + "'SUBMITTING' AND decided_at < ?)) ORDER BY decided_at", row -> new UnrecordedDecision(
                        row.getString(1), row.getString(2), Decision.valueOf(row.getString(3)), row.getString(4)),
                cutoff);
    }

    /** Keeps the sid of the confirmation texted after a decision, so that erasure finds it. */
    void confirmationSent(final String requestId, final String guardianRef, final String messageSid,
            final Instant now) {
        jdbc.update("UPDATE guardian_message SET confirmation_sid = ?, updated_at = ? WHERE request_id = ? AND "
                + "guardian_ref = ?", messageSid, now, requestId, guardianRef);
    }

    // ---- escalation to the duty officer ----

    /**
     * A pending request no guardian has decided that the duty officer must hear about.
     *
     * @param noGuardianReachable every guardian's text ended refused, undelivered, failed, opted out or without a
     *     contact; otherwise nobody answered in time
     */
    record Escalation(String requestId, String post, Direction direction, Instant createdAt,
            boolean noGuardianReachable) {}

    /** A guardian text that can no longer reach its guardian. */
    private static final String UNREACHED = "(m.state IN ('UNREACHABLE', 'OPTED_OUT', 'NO_CONTACT') OR (m.state = "
            + "'SENT' AND m.delivery_status IN ('undelivered', 'failed')))";

    /**
     * Pending, unexpired requests no guardian has decided and the duty officer was not alerted about, where every
     * guardian's text failed to reach them, or that were made at or before {@code answeredBy}.
     */
    List<Escalation> escalationsDue(final Instant now, final Instant answeredBy) {
        return jdbc.query("SELECT * FROM (SELECT r.request_id, r.post, r.direction, r.created_at, NOT EXISTS (SELECT "
                + "1 FROM guardian_message m WHERE m.request_id = r.request_id AND NOT " + UNREACHED + ") AS "
                + "unreachable FROM crossing_request r WHERE r.status = 'PENDING' AND r.expires_at > ? AND "
                + "r.approvals = 0 AND r.refusals = 0 AND EXISTS (SELECT 1 FROM guardian_message m WHERE "
                + "m.request_id = r.request_id) AND NOT EXISTS (SELECT 1 FROM guardian_message m WHERE m.request_id "
                + "= r.request_id AND m.decision IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM duty_escalation e WHERE "
                + "e.request_id = r.request_id)) due WHERE unreachable OR created_at <= ? ORDER BY created_at, "
                + "request_id", row -> new Escalation(row.getString("request_id"), row.getString("post"),
                        Direction.valueOf(row.getString("direction")), Jdbc.instant(row, "created_at"),
                        row.getBoolean("unreachable")), now, answeredBy);
    }

    /** Claims the one alert about a request (state {@code SENDING}); false if it was claimed before, by anyone. */
    boolean claimEscalation(final String requestId, final String reason, final Instant now) {
        return jdbc.update("INSERT INTO duty_escalation (request_id, reason, state, created_at, updated_at) VALUES "
                + "(?, ?, 'SENDING', ?, ?) ON CONFLICT (request_id) DO NOTHING", requestId, reason, now, now) == 1;
    }

    void escalationSent(final String requestId, final String messageSid, final Instant now) {
        jdbc.update("UPDATE duty_escalation SET state = 'SENT', message_sid = ?, updated_at = ? WHERE request_id = ?",
                messageSid, now, requestId);
    }

    /** Settles an alert that was not (or maybe not) sent; it is never sent again. */
    void settleEscalation(final String requestId, final String state, final Integer providerError,
            final Instant now) {
        jdbc.update("UPDATE duty_escalation SET state = ?, provider_error = ?, updated_at = ? WHERE request_id = ?",
                state, providerError, now, requestId);
    }

    /** Alerts a crash interrupted mid-send: they may have gone out, so they become SEND_UNKNOWN, never resent. */
    int abandonInterruptedEscalations(final Instant now) {
        return jdbc.update("UPDATE duty_escalation SET state = 'SEND_UNKNOWN', updated_at = ? WHERE state = "
                + "'SENDING'", now);
    }

    // ---- erasure ----

    /**
     * The provider's ids of every text about a subject's requests still on record: request texts, confirmations,
     * the guardians' replies, any other inbound text matched to one of the requests and alerts to the duty officer.
     */
    List<String> messageSidsAbout(final String subjectId) {
        return jdbc.query("SELECT sid FROM (SELECT m.message_sid AS sid FROM guardian_message m JOIN crossing_request r "
                + "USING (request_id) WHERE r.subject_id = ? UNION SELECT m.confirmation_sid FROM guardian_message m "
                + "JOIN crossing_request r USING (request_id) WHERE r.subject_id = ? UNION SELECT m.reply_sid FROM "
                + "guardian_message m JOIN crossing_request r USING (request_id) WHERE r.subject_id = ? UNION SELECT "
                + "i.message_sid FROM inbound_message i JOIN crossing_request r USING (request_id) WHERE "
                + "r.subject_id = ? UNION SELECT e.message_sid FROM duty_escalation e JOIN crossing_request r USING "
                + "(request_id) WHERE r.subject_id = ?) sids WHERE sid IS NOT NULL ORDER BY sid",
                row -> row.getString(1), subjectId, subjectId, subjectId, subjectId, subjectId);
    }

    /** The ids of a subject's requests on record. */
    List<String> requestIdsOf(final String subjectId) {
        return jdbc.query("SELECT request_id FROM crossing_request WHERE subject_id = ? ORDER BY request_id",
                row -> row.getString(1), subjectId);
    }

    /** Remembers an erased request by its keyed hash, so that its redelivered events create nothing again. */
    void markErased(final byte[] requestHash, final Instant now) {
        jdbc.update("INSERT INTO erased_request (request_hash, erased_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                requestHash, now);
    }

    boolean erased(final byte[] requestHash) {
        return jdbc.queryOne("SELECT 1 FROM erased_request WHERE request_hash = ?", row -> true, requestHash)
                .isPresent();
    }

    /**
     * Deletes every row about a subject's requests: inbound texts matched to them (the replies included), the outbox
     * the duty officer's alerts and the requests themselves. Callers run it in one transaction.
     *
     * @return how many requests were forgotten
     */
    int forgetSubject(final String subjectId) {
        jdbc.update("DELETE FROM inbound_message WHERE request_id IN (SELECT request_id FROM crossing_request WHERE "
                + "subject_id = ?) OR message_sid IN (SELECT m.reply_sid FROM guardian_message m JOIN "
                + "crossing_request r USING (request_id) WHERE r.subject_id = ?)", subjectId, subjectId);
        jdbc.update("DELETE FROM guardian_message WHERE request_id IN (SELECT request_id FROM crossing_request WHERE "
                + "subject_id = ?)", subjectId);
        jdbc.update("DELETE FROM duty_escalation WHERE request_id IN (SELECT request_id FROM crossing_request WHERE "
                + "subject_id = ?)", subjectId);
        return jdbc.update("DELETE FROM crossing_request WHERE subject_id = ?", subjectId);
    }

    // ---- inbound and opt-outs ----

    /** Records an inbound webhook once; false if this MessageSid was seen before. */
    boolean firstSight(final String messageSid, final byte[] phoneHash, final String kind, final Instant now) {
        return jdbc.update("INSERT INTO inbound_message (message_sid, phone_hash, kind, outcome, received_at) "
                + "VALUES (?, ?, ?, 'RECEIVED', ?) ON CONFLICT (message_sid) DO NOTHING", messageSid, phoneHash,
                kind, now) == 1;
    }

    void inboundOutcome(final String messageSid, final String outcome, final String requestId) {
        jdbc.update("UPDATE inbound_message SET outcome = ?, request_id = ? WHERE message_sid = ?", outcome,
                requestId, messageSid);
    }

    void optOut(final byte[] phoneHash, final Instant now) {
        jdbc.update("INSERT INTO opt_out (phone_hash, opted_out_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                phoneHash, now);
    }

    void optIn(final byte[] phoneHash) {
        jdbc.update("DELETE FROM opt_out WHERE phone_hash = ?", phoneHash);
    }

    boolean optedOut(final byte[] phoneHash) {
        return jdbc.queryOne("SELECT 1 FROM opt_out WHERE phone_hash = ?", row -> true, phoneHash).isPresent();
    }
}
