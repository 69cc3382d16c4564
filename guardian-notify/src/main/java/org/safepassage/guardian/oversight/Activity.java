package org.safepassage.guardian.oversight;

import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of the oversight projection: something the ledger recorded about a subject. Only the ledger's opaque ids
 * and codes, no personal data. Absent details are null.
 *
 * @param transactionId the ledger transaction that recorded it
 * @param seq its position among the rows of that transaction
 * @param occurredAt the transaction's timestamp as the record carries it
 * @param legalBasis the crossing's basis type (APPROVAL, PREAUTHORISED, NOT_REQUIRED, SUPERVISED_OVERRIDE)
 */
@TemplateData
public record Activity(
        String transactionId,
        int seq,
        long blockNumber,
        String subjectId,
        ActivityKind kind,
        Instant occurredAt,
        String post,
        String direction,
        String outcome,
        String decision,
        String guardianRef,
        String requestId,
        String crossingId,
        String alertId,
        String alertType,
        String legalBasis,
        String overrideReason) {

    public Activity {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** A row with only the kind, subject and time set; the {@code with...} methods add details. */
    static Activity of(final String transactionId, final long blockNumber, final String subjectId,
            final ActivityKind kind, final Instant occurredAt) {
        return new Activity(transactionId, 0, blockNumber, subjectId, kind, occurredAt, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    Activity numbered(final int n) {
        return new Activity(transactionId, n, blockNumber, subjectId, kind, occurredAt, post, direction, outcome,
                decision, guardianRef, requestId, crossingId, alertId, alertType, legalBasis, overrideReason);
    }

    Activity at(final String newPost, final Object newDirection) {
        return new Activity(transactionId, seq, blockNumber, subjectId, kind, occurredAt, newPost,
                name(newDirection), outcome, decision, guardianRef, requestId, crossingId, alertId, alertType,
                legalBasis, overrideReason);
    }

    Activity request(final String newRequestId) {
        return new Activity(transactionId, seq, blockNumber, subjectId, kind, occurredAt, post, direction, outcome,
                decision, guardianRef, newRequestId, crossingId, alertId, alertType, legalBasis, overrideReason);
    }

    Activity decided(final Object newDecision, final String newGuardianRef) {
        return new Activity(transactionId, seq, blockNumber, subjectId, kind, occurredAt, post, direction, outcome,
                name(newDecision), newGuardianRef, requestId, crossingId, alertId, alertType, legalBasis,
                overrideReason);
    }

    Activity crossing(final String newCrossingId, final Object newOutcome, final Object basis, final Object reason) {
        return new Activity(transactionId, seq, blockNumber, subjectId, kind, occurredAt, post, direction,
                name(newOutcome), decision, guardianRef, requestId, newCrossingId, alertId, alertType, name(basis),
                name(reason));
    }

    Activity alert(final String newAlertId, final Object newAlertType) {
        return new Activity(transactionId, seq, blockNumber, subjectId, kind, occurredAt, post, direction, outcome,
                decision, guardianRef, requestId, crossingId, newAlertId, name(newAlertType), legalBasis,
                overrideReason);
    }

    private static String name(final Object value) {
        return value == null ? null : value.toString();
    }
}
