package org.safepassage.chaincode.model;

import java.time.Instant;
import java.util.List;

/**
 * Something a child-protection analyst must look at: a missing child scanned, an override, a refused or expired
 * request.
 *
 * @param alertId the raising transaction's id
 * @param post the post involved, if any
 * @param requestId the crossing request involved, if any
 * @param crossingId the crossing involved, if any
 * @param acknowledgement present once an analyst dealt with the alert
 * @param rule for a {@link AlertType#RED_FLAG}, the red-flag rule that matched; absent for the other types
 * @param evidence for a red flag, the ledger transactions whose events matched the rule; empty for the other types
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
        AlertAcknowledgement acknowledgement,
        RedFlagRule rule,
        List<RedFlagEvidence> evidence) {

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
        evidence = evidence == null ? List.of() : Require.list("evidence", evidence);
        Require.that((rule != null) == (type == AlertType.RED_FLAG), "rule: present exactly for a RED_FLAG alert");
        Require.that(evidence.isEmpty() != (type == AlertType.RED_FLAG),
                "evidence: present exactly for a RED_FLAG alert");
    }

    /** A new open alert. */
    public static Alert raise(final String alertId, final AlertType type, final String subjectId, final String post,
            final String requestId, final String crossingId, final Instant at) {
        return new Alert(alertId, type, subjectId, post, requestId, crossingId, at, AlertStatus.OPEN, null, null,
                List.of());
    }

    /** A new open red-flag alert, whose id is derived from its evidence ({@link RedFlagCommand#alertId()}). */
    public static Alert redFlag(final RedFlagCommand command, final Instant at) {
        return new Alert(command.alertId(), AlertType.RED_FLAG, command.subjectId(), command.post(), null, null, at,
                AlertStatus.OPEN, null, command.rule(), command.evidence());
    }

    public Alert acknowledged(final AlertAcknowledgement by) {
        return new Alert(alertId, type, subjectId, post, requestId, crossingId, raisedAt, AlertStatus.ACKNOWLEDGED, by,
                rule, evidence);
    }
}
