package org.safepassage.gateway.scan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The answer to a scan.
 *
 * @param decision what the guard should do
 * @param reason why, machine-readable: {@code NOT_PROTECTED}, {@code PREAUTHORISED_TRIP}, {@code APPROVAL_REQUIRED},
 *     {@code FLAGGED_MISSING}, {@code SUBJECT_ERASED}, {@code INTEGRITY_MISMATCH}, {@code NO_MATCH},
 *     {@code NOT_ON_LEDGER}, {@code REQUEST_PENDING_ELSEWHERE} (a request for another crossing of this subject is
 *     open: another post, direction or companion)
 * @param subjectId the identified subject (an opaque id), if any
 * @param protectionClass {@code MINOR} or {@code SURVIVOR}, if known
 * @param companionRef the opaque companion reference, to pass back when recording the crossing
 * @param tripId the pre-authorised trip that clears the crossing
 * @param requestId the crossing request the guardians are asked in: the one this scan opened, or the open one a
 *     rescan of the same crossing joined
 * @param expiresAt when that request expires
 * @param matchedBy which modalities identified the subject ({@code FINGERPRINT}, {@code IRIS} or both), so the guard
 *     knows what the person was recognised by; absent when nobody was identified
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScanDecision(Decision decision, String reason, String subjectId, String protectionClass,
        String companionRef, String tripId, String requestId, Instant expiresAt, List<String> matchedBy) {
    /** Checks decision and reason are present. */
    public ScanDecision {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
    }

    static ScanDecision of(final Decision decision, final String reason, final String subjectId) {
        return new ScanDecision(decision, reason, subjectId, null, null, null, null, null, null);
    }

    /* The same decision naming what identified its subject; unchanged when there is no subject or nothing named. */
    ScanDecision identifiedBy(final List<String> modalities) {
        if (subjectId == null || modalities == null || modalities.isEmpty()) {
            return this;
        }
        return new ScanDecision(decision, reason, subjectId, protectionClass, companionRef, tripId, requestId,
                expiresAt, List.copyOf(modalities));
    }
}
