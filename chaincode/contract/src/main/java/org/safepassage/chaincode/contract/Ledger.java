package org.safepassage.chaincode.contract;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.safepassage.chaincode.model.Alert;
import org.safepassage.chaincode.model.AlertType;
import org.safepassage.chaincode.model.ActorAttribution;
import org.safepassage.chaincode.model.AuditAnchor;
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.chaincode.model.CommitmentEntry;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.Endorsers;
import org.safepassage.chaincode.model.Crossing;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.ErasureTombstone;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.LedgerEvent;
import org.safepassage.chaincode.model.OpenRequest;
import org.safepassage.chaincode.model.PreAuthorisedTrip;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.chaincode.model.SubjectStatus;

/**
 * The world state as typed records, and the transaction's clock, id and event. Every key layout of the chaincode is
 * here, as composite keys:
 *
 * <pre>
 * subject    [subjectId]              Subject
 * commitment [schemeId, commitment]   CommitmentEntry (unique index, never deleted)
 * erasure    [subjectId]              ErasureTombstone
 * request    [requestId]              CrossingRequest
 * openrequest [subjectId]             OpenRequest       (names the subject's open request; deleted when it ends)
 * crossing   [subjectId, crossingId]  Crossing          (append-only, one key per crossing)
 * trip       [subjectId, tripId]      PreAuthorisedTrip
 * alert      [alertId]                Alert
 * attribution [txId]                ActorAttribution  (who a transaction was for, when it names one)
 * auditanchor [mspId, rowCount]       AuditAnchor       (rowCount as 19 digits, so keys sort by it)
 * audithead  [mspId]                  AuditAnchor       (the organisation's latest anchor)
 * </pre>
 *
 * <p>Per-subject prefixes let a subject's timeline be read with one range query; one key per appended record avoids
 * MVCC conflicts between unrelated transactions.
 */
public final class Ledger {
    private final ChaincodeStub stub;

    private Ledger(final ChaincodeStub stub) {
        this.stub = stub;
    }

    public static Ledger of(final Context ctx) {
        return new Ledger(ctx.getStub());
    }

    /** The transaction's timestamp: the only clock a deterministic chaincode may read. */
    public Instant now() {
        return stub.getTxTimestamp();
    }

    /** The calendar month (UTC) of the transaction. */
    public YearMonth month() {
        return YearMonth.from(now().atOffset(ZoneOffset.UTC));
    }

    /** The transaction id: the only source of new ledger-minted ids. */
    public String txId() {
        return stub.getTxId();
    }

    public Optional<Subject> findSubject(final String subjectId) {
        return read(key("subject", subjectId), Subject.class);
    }

    /** The subject, or a SUBJECT_NOT_FOUND refusal. */
    public Subject subject(final String subjectId) {
        return findSubject(subjectId)
                .orElseThrow(() -> Refusal.of(ErrorCode.SUBJECT_NOT_FOUND, "no subject " + subjectId));
    }

    /** The subject, refused as SUBJECT_NOT_FOUND or SUBJECT_ERASED unless it still exists. */
    public Subject liveSubject(final String subjectId) {
        final Subject subject = subject(subjectId);
        if (subject.status() == SubjectStatus.ERASED) {
            throw Refusal.of(ErrorCode.SUBJECT_ERASED, "subject " + subjectId + " was erased");
        }
        return subject;
    }

    /**
     * The subject, refused unless it is ACTIVE: SUBJECT_NOT_FOUND, SUBJECT_ERASED, or SUBJECT_FLAGGED_MISSING (a
     * missing child can neither travel nor have a trip authorised).
     */
    public Subject activeSubject(final String subjectId) {
        final Subject subject = liveSubject(subjectId);
        if (subject.status() == SubjectStatus.FLAGGED_MISSING) {
            throw Refusal.of(ErrorCode.SUBJECT_FLAGGED_MISSING, "subject " + subjectId + " is flagged missing");
        }
        return subject;
    }

    public void put(final Subject subject) {
        write(Endorsers.SUBJECT, subject, subject.subjectId());
    }

    public Optional<CommitmentEntry> findCommitment(final CommitmentScheme scheme, final String commitment) {
        return read(key("commitment", scheme.id(), commitment), CommitmentEntry.class);
    }

    public void putCommitment(final CommitmentScheme scheme, final String commitment, final CommitmentEntry entry) {
        write(Endorsers.COMMITMENT, entry, scheme.id(), commitment);
    }

    public Optional<ErasureTombstone> findTombstone(final String subjectId) {
        return read(key("erasure", subjectId), ErasureTombstone.class);
    }

    public void put(final ErasureTombstone tombstone) {
        write(Endorsers.ERASURE, tombstone, tombstone.subjectId());
    }

    /** The crossing request, or a REQUEST_NOT_FOUND refusal. */
    public CrossingRequest request(final String requestId) {
        return read(key("request", requestId), CrossingRequest.class)
                .orElseThrow(() -> Refusal.of(ErrorCode.REQUEST_NOT_FOUND, "no crossing request " + requestId));
    }

    public void put(final CrossingRequest request) {
        write(Endorsers.REQUEST, request, request.requestId());
    }

    /**
     * The request the subject's marker names as open, if it has a marker (requests opened before the marker existed
     * have none). The caller judges whether that request is still open: it may have expired without being closed.
     */
    public Optional<CrossingRequest> markedOpenRequest(final String subjectId) {
        return read(key("openrequest", subjectId), OpenRequest.class).map(marker -> request(marker.requestId()));
    }

    /** Marks {@code request} as its subject's open request, replacing any earlier marker. */
    public void markOpen(final CrossingRequest request) {
        // No key-level parameter, as for attribution: setting one is a metadata write, and with a marker created anew
        // on every opening, two openers in one block would then meet the in-block parameter rule
        // (ENDORSEMENT_POLICY_FAILURE) instead of the retryable MVCC_READ_CONFLICT that tells the loser to look again.
        // So every write and delete of a marker is validated under the chaincode-level policy (docs/chaincode.md).
        stub.putState(key("openrequest", request.subjectId()),
                CanonicalJson.toBytes(new OpenRequest(request.subjectId(), request.requestId())));
    }

    /**
     * Deletes the subject's marker if it names {@code request}, which has ended. A marker naming another request is
     * left alone: this one expired unclosed and a newer one was opened since.
     */
    public void unmarkOpen(final CrossingRequest request) {
        final String key = key("openrequest", request.subjectId());
        read(key, OpenRequest.class)
                .filter(marker -> marker.requestId().equals(request.requestId()))
                .ifPresent(marker -> stub.delState(key));
    }

    public void put(final Crossing crossing) {
        write(Endorsers.CROSSING, crossing, crossing.subjectId(), crossing.crossingId());
    }

    /** The subject's crossings, oldest first. */
    public List<Crossing> crossings(final String subjectId) {
        final List<Crossing> crossings = readAll(Crossing.class, "crossing", subjectId);
        crossings.sort(Comparator.comparing(Crossing::recordedAt).thenComparing(Crossing::crossingId));
        return crossings;
    }

    /** The trip, or a TRIP_NOT_FOUND refusal. */
    public PreAuthorisedTrip trip(final String subjectId, final String tripId) {
        return read(key("trip", subjectId, tripId), PreAuthorisedTrip.class)
                .orElseThrow(() -> Refusal.of(ErrorCode.TRIP_NOT_FOUND, "no trip " + tripId + " for " + subjectId));
    }

    public void put(final PreAuthorisedTrip trip) {
        write(Endorsers.TRIP, trip, trip.subjectId(), trip.tripId());
    }

    public List<PreAuthorisedTrip> trips(final String subjectId) {
        return readAll(PreAuthorisedTrip.class, "trip", subjectId);
    }

    public Optional<Alert> findAlert(final String alertId) {
        return read(key("alert", alertId), Alert.class);
    }

    /** The alert, or an ALERT_NOT_FOUND refusal. */
    public Alert alert(final String alertId) {
        return findAlert(alertId)
                .orElseThrow(() -> Refusal.of(ErrorCode.ALERT_NOT_FOUND, "no alert " + alertId));
    }

    public void put(final Alert alert) {
        write(Endorsers.ALERT, alert, alert.alertId());
    }

    public List<Alert> alerts() {
        return readAll(Alert.class, "alert");
    }

    /** Raises an alert, identified by this transaction's id (a transaction raises at most one). */
    public Alert raise(final AlertType type, final String subjectId, final String post, final String requestId,
            final String crossingId) {
        final Alert alert = Alert.raise(txId(), type, subjectId, post, requestId, crossingId, now());
        put(alert);
        return alert;
    }

    /** The person a transaction was made for: {@code attribution/<txId>}. */
    public void put(final ActorAttribution attribution) {
        // Written once and never again: no key-level parameter, so like every creation it is validated under the
        // chaincode-level policy (docs/chaincode.md).
        stub.putState(key("attribution", attribution.txId()), CanonicalJson.toBytes(attribution));
    }

    /** The organisation's latest audit anchor, if it anchored any. */
    public Optional<AuditAnchor> auditHead(final String mspId) {
        return read(key("audithead", mspId), AuditAnchor.class);
    }

    /** Records an anchor and makes it the organisation's head. */
    public void put(final AuditAnchor anchor) {
        write(Endorsers.AUDIT_ANCHOR, anchor, anchor.mspId(), String.format("%019d", anchor.rowCount()));
        write(Endorsers.AUDIT_HEAD, anchor, anchor.mspId());
    }

    /** The organisation's audit anchors, by row count. */
    public List<AuditAnchor> auditAnchors(final String mspId) {
        return readAll(AuditAnchor.class, "auditanchor", mspId);
    }

    /** Sets the transaction's chaincode event (Fabric keeps one per transaction). */
    public void emit(final LedgerEvent event) {
        stub.setEvent(event.type().eventName(), CanonicalJson.toBytes(event));
    }

    private String key(final String objectType, final String... attributes) {
        return stub.createCompositeKey(objectType, attributes).toString();
    }

    private <T> Optional<T> read(final String key, final Class<T> type) {
        final byte[] value = stub.getState(key);
        return value == null || value.length == 0 ? Optional.empty() : Optional.of(CanonicalJson.parse(value, type));
    }

    /**
     * Writes a record and, when its key does not carry it yet (a new record, or one written before the table), sets
     * as the key's validation parameter who must endorse any later write of it ({@link Endorsers}). Only then: a
     * metadata write makes every later write of the key in the same block an ENDORSEMENT_POLICY_FAILURE, where two
     * updates of one record would otherwise be the retryable MVCC_READ_CONFLICT.
     */
    private void write(final Endorsers kind, final Object record, final String... attributes) {
        final String key = key(kind.objectType(), attributes);
        stub.putState(key, CanonicalJson.toBytes(record));
        final byte[] policy = KeyPolicies.of(kind);
        if (!Arrays.equals(stub.getStateValidationParameter(key), policy)) {
            stub.setStateValidationParameter(key, policy);
        }
    }

    private <T> List<T> readAll(final Class<T> type, final String objectType, final String... attributes) {
        final var records = new ArrayList<T>();
        try (QueryResultsIterator<KeyValue> results = stub.getStateByPartialCompositeKey(objectType, attributes)) {
            for (final KeyValue kv : results) {
                records.add(CanonicalJson.parse(kv.getValue(), type));
            }
        } catch (Exception e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("range query over " + objectType + " failed", e);
        }
        return records;
    }
}
