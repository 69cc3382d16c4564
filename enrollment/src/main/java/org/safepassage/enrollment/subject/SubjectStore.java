package org.safepassage.enrollment.subject;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.service.api.ApiException;
import org.safepassage.service.db.Jdbc;

/** The subject, guardian and biometric tables. Callers own the transaction. */
@ApplicationScoped
public class SubjectStore {
    private static final String SUBJECT_COLUMNS = "subject_id, request_id, request_digest, protection_class, "
            + "approval_quorum, guardian_version, consent_required_until, personal, photo, consent, salt, scheme, "
            + "commitment, pepper_id, ledger_state, enrolled_by, created_at, updated_at";

    private final Jdbc jdbc;

    SubjectStore(final Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(final StoredSubject s) {
        jdbc.update("insert into subject (" + SUBJECT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.subjectId(), s.requestId(), s.requestDigest(), s.protectionClass().name(), s.approvalQuorum(),
                s.guardianVersion(), s.consentRequiredUntil(), s.personal(), s.photo(), s.consent(), s.salt(),
                s.scheme(), s.commitment(), s.pepperId(), s.ledgerState().name(), s.enrolledBy(), s.createdAt(),
                s.updatedAt());
    }

    public Optional<StoredSubject> find(final String subjectId) {
        return jdbc.queryOne("select " + SUBJECT_COLUMNS + " from subject where subject_id = ?", SubjectStore::subject,
                subjectId);
    }

    /** The subject, or a 404 for the caller. */
    public StoredSubject require(final String subjectId) {
        return find(subjectId).orElseThrow(() -> new ApiException(Reason.SUBJECT_NOT_FOUND, "no such subject"));
    }

    /** The subject, which must be on the ledger already: a 409 while its registration is still being retried. */
    public StoredSubject requireRegistered(final String subjectId) {
        final StoredSubject subject = require(subjectId);
        if (subject.ledgerState() != StoredSubject.LedgerState.REGISTERED) {
            throw new ApiException(Reason.LEDGER_PENDING, "the subject is not on the ledger yet; try again shortly");
        }
        return subject;
    }

    public Optional<StoredSubject> findByRequestId(final String requestId) {
        return jdbc.queryOne("select " + SUBJECT_COLUMNS + " from subject where request_id = ?", SubjectStore::subject,
                requestId);
    }

    public List<String> subjectIds(final int limit, final int offset) {
        return jdbc.query("select subject_id from subject order by created_at desc, subject_id limit ? offset ?",
                row -> row.getString(1), limit, offset);
    }

    /** The newest subjects' rows in one query, for screens that open many at once (the list, the search). */
    public List<StoredSubject> newest(final int limit, final int offset) {
        return jdbc.query("select " + SUBJECT_COLUMNS + " from subject order by created_at desc, subject_id "
                + "limit ? offset ?", SubjectStore::subject, limit, offset);
    }

    public void markRegistered(final String subjectId, final Instant at) {
        jdbc.update("update subject set ledger_state = 'REGISTERED', updated_at = ? where subject_id = ?", at,
                subjectId);
    }

    public void insertGuardian(final StoredGuardian g) {
        jdbc.update("insert into guardian (guardian_ref, subject_id, version, position, details, phone_verified) "
                + "values (?, ?, ?, ?, ?, ?)", g.guardianRef(), g.subjectId(), g.version(), g.position(), g.details(),
                g.phoneVerified());
    }

    /** Every guardian row of the subject, all versions, in version then position order. */
    public List<StoredGuardian> guardians(final String subjectId) {
        return jdbc.query("select guardian_ref, subject_id, version, position, details, phone_verified from guardian "
                + "where subject_id = ? order by version, position", SubjectStore::guardian, subjectId);
    }

    public Optional<StoredGuardian> guardian(final String guardianRef) {
        return jdbc.queryOne("select guardian_ref, subject_id, version, position, details, phone_verified from guardian "
                + "where guardian_ref = ?", SubjectStore::guardian, guardianRef);
    }

    /** A replacement set of guardians written as {@code version}, waiting for the ledger. */
    public record PendingGuardians(int version, int quorum) {}

    /** Marks {@code version} as the replacement to put on the ledger; false if another replacement is pending. */
    public boolean proposeGuardians(final String subjectId, final int version, final int quorum) {
        return jdbc.update("update subject set pending_guardian_version = ?, pending_quorum = ? "
                + "where subject_id = ? and pending_guardian_version is null", version, quorum, subjectId) == 1;
    }

    public Optional<PendingGuardians> pendingGuardians(final String subjectId) {
        return jdbc.queryOne("select pending_guardian_version, pending_quorum from subject where subject_id = ? "
                + "and pending_guardian_version is not null", row -> new PendingGuardians(row.getInt(1), row.getInt(2)),
                subjectId);
    }

    /** Makes the pending version current once the ledger has it, and drops the older versions. */
    public void switchGuardians(final String subjectId, final PendingGuardians pending, final Instant at) {
        jdbc.update("update subject set guardian_version = ?, approval_quorum = ?, pending_guardian_version = null, "
                + "pending_quorum = null, updated_at = ? where subject_id = ?", pending.version(), pending.quorum(), at,
                subjectId);
        jdbc.update("delete from guardian where subject_id = ? and version < ?", subjectId, pending.version());
    }

    /** Abandons a replacement the ledger refused. */
    public void dropPendingGuardians(final String subjectId, final PendingGuardians pending) {
        jdbc.update("update subject set pending_guardian_version = null, pending_quorum = null where subject_id = ?",
                subjectId);
        jdbc.update("delete from guardian where subject_id = ? and version = ?", subjectId, pending.version());
    }

    /** Replaces the subject's commitment inputs after a re-enrollment; the templates are replaced by the caller. */
    public void replaceCommitment(final String subjectId, final byte[] sealedSalt, final String scheme,
            final String commitment, final String pepperId, final Instant at) {
        jdbc.update("update subject set salt = ?, scheme = ?, commitment = ?, pepper_id = ?, updated_at = ? "
                + "where subject_id = ?", sealedSalt, scheme, commitment, pepperId, at, subjectId);
        jdbc.update("delete from biometric where subject_id = ?", subjectId);
    }

    public void insertTemplate(final String subjectId, final Finger finger, final byte[] encryptedTemplate) {
        jdbc.update("insert into biometric (subject_id, finger, template) values (?, ?, ?)", subjectId, finger.name(),
                encryptedTemplate);
    }

    public Map<Finger, byte[]> templates(final String subjectId) {
        final Map<Finger, byte[]> templates = new java.util.EnumMap<>(Finger.class);
        jdbc.query("select finger, template from biometric where subject_id = ?", row -> {
            templates.put(Finger.valueOf(row.getString(1)), row.getBytes(2));
            return null;
        }, subjectId);
        return templates;
    }

    public void insertIris(final StoredIris iris) {
        jdbc.update("insert into iris (subject_id, eye, code, helper, salt, commitment, pepper_id) "
                + "values (?, ?, ?, ?, ?, ?, ?)", iris.subjectId(), iris.eye().name(), iris.code(), iris.helper(),
                iris.salt(), iris.commitment(), iris.pepperId());
    }

    /** The subject's enrolled eyes, left before right. */
    public List<StoredIris> irises(final String subjectId) {
        return jdbc.query("select subject_id, eye, code, helper, salt, commitment, pepper_id from iris "
                + "where subject_id = ? order by eye", SubjectStore::iris, subjectId);
    }

    /** Deletes the subject and, by cascade, its guardians, templates and irises. Returns whether it existed. */
    public boolean delete(final String subjectId) {
        return jdbc.update("delete from subject where subject_id = ?", subjectId) == 1;
    }

    private static StoredSubject subject(final ResultSet row) throws SQLException {
        return new StoredSubject(row.getString("subject_id"), row.getString("request_id"),
                row.getBytes("request_digest"), ProtectionClass.valueOf(row.getString("protection_class")),
                row.getInt("approval_quorum"), row.getInt("guardian_version"), row.getString("consent_required_until"),
                row.getBytes("personal"), row.getBytes("photo"), row.getBytes("consent"), row.getBytes("salt"),
                row.getString("scheme"), row.getString("commitment"), row.getString("pepper_id"),
                StoredSubject.LedgerState.valueOf(row.getString("ledger_state")), row.getString("enrolled_by"),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "updated_at"));
    }

    private static StoredIris iris(final ResultSet row) throws SQLException {
        return new StoredIris(row.getString(1), Eye.valueOf(row.getString(2)), row.getBytes(3), row.getBytes(4),
                row.getBytes(5), row.getString(6), row.getString(7));
    }

    private static StoredGuardian guardian(final ResultSet row) throws SQLException {
        return new StoredGuardian(row.getString(1), row.getString(2), row.getInt(3), row.getInt(4), row.getBytes(5),
                row.getBoolean(6));
    }
}
