package org.safepassage.gateway.crossing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.safepassage.chaincode.model.Crossing;

/**
 * A recorded crossing.
 *
 * @param crossingId its id (the transaction id)
 * @param subjectId the subject's opaque id
 * @param post the post
 * @param direction {@code EXIT} or {@code ENTRY}
 * @param outcome {@code ALLOWED} or {@code DENIED}
 * @param basis the legal basis type
 * @param requestId the request cited
 * @param overrideReason the supervisor's reason code, for an override
 * @param recordedBy the recording identity, {@code MSP/common name}
 * @param recordedAt when
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CrossingView(String crossingId, String subjectId, String post, String direction, String outcome,
        String basis, String requestId, String overrideReason, String recordedBy, Instant recordedAt) {
    static CrossingView of(final Crossing crossing, final String requestId) {
        return new CrossingView(crossing.crossingId(), crossing.subjectId(), crossing.post(),
                crossing.direction().name(), crossing.outcome().name(), crossing.basis().type().name(), requestId,
                crossing.basis().overrideReason() == null ? null : crossing.basis().overrideReason().name(),
                crossing.recordedBy(), crossing.recordedAt());
    }
}
