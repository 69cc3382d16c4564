package org.safepassage.chaincode.model;

import java.time.Instant;

/**
 * Something a child-protection analyst must look at: a missing child scanned, an override, a refused or expired
 * request.
 *
 * @param alertId the raising transaction's id
 * @param post the post involved, if any
 * @param requestId the crossing request involved, if any
 * @param crossingId the crossing involved, if any
 * @param acknowledgement present once an analyst dealt with the alert
 */
public record Alert(
        String alertId,
        AlertType type,
        String subjectId,
        String post,
        String requestId,
        String crossingId,
        Instant raisedAt,
        AlertStatus status,
        AlertAcknowledgement acknowledgement) {

    public Alert {
        Require.ledgerId("alertId", alertId);
        Require.present("type", type);
        Require.opaqueId("subjectId", subjectId);
        if (post != null) {
            Require.post("post", post);
        }
        if (requestId != null) {
            Require.ledgerId("requestId", requestId);
        }
        if (crossingId != null) {
            Require.ledgerId("crossingId", crossingId);
        }
        Require.present("raisedAt", raisedAt);
        Require.present("status", status);
        Require.that((acknowledgement != null) == (status == AlertStatus.ACKNOWLEDGED),
                "acknowledgement: present exactly when the alert is acknowledged");
    }

    /** A new open alert. */
    public static Alert raise(final String alertId, final AlertType type, final String subjectId, final String post,
            final String requestId, final String crossingId, final Instant at) {
        return new Alert(alertId, type, subjectId, post, requestId, crossingId, at, AlertStatus.OPEN, null);
    }

    public Alert acknowledged(final AlertAcknowledgement by) {
        return new Alert(alertId, type, subjectId, post, requestId, crossingId, raisedAt, AlertStatus.ACKNOWLEDGED, by);
    }
}
