package org.safepassage.guardian.oversight;

import java.util.ArrayList;
import java.util.List;

/** Words for activity rows on a subject's timeline. */
final class Timeline {
    private Timeline() {
    }

    static TimelineEntry entry(final Activity a) {
        final String label = switch (a.kind()) {
            case SUBJECT_REGISTERED -> "Registered";
            case GUARDIANS_REPLACED -> "Guardians replaced";
            case COMMITMENT_RENEWED -> "Biometric commitment renewed";
            case SUBJECT_FLAGGED -> "Flagged missing";
            case SUBJECT_UNFLAGGED -> "No longer flagged missing";
            case SCAN -> "Scanned while flagged missing";
            case REQUEST_OPENED -> "Crossing request opened";
            case GUARDIAN_DECISION -> "APPROVE".equals(a.decision()) ? "Guardian approved" : "Guardian refused";
            case REQUEST_APPROVED -> "Request approved";
            case REQUEST_REFUSED -> "Request refused";
            case REQUEST_EXPIRED -> "Request expired";
            case REQUEST_CANCELLED -> "Request cancelled";
            case CROSSING_RECORDED -> "Crossing recorded";
            case OVERRIDE -> "Supervised override";
            case TRIP_AUTHORISED -> "Trip pre-authorised";
            case TRIP_REVOKED -> "Trip revoked";
            case ALERT_RAISED -> "Alert raised";
            case ALERT_ACKNOWLEDGED -> "Alert acknowledged";
            case SCANNED -> "Scanned at a post";
        };
        final List<String> details = new ArrayList<>();
        add(details, "post", a.post());
        add(details, "direction", a.direction());
        add(details, "outcome", a.outcome());
        add(details, "basis", a.legalBasis());
        add(details, "reason", a.overrideReason());
        add(details, "guardian", a.guardianRef());
        add(details, "alert", a.alertType());
        add(details, "request", a.requestId());
        return new TimelineEntry(a.kind().name(), label, Oversight.TIME.format(a.occurredAt()),
                String.join(" · ", details), a.transactionId());
    }

    private static void add(final List<String> details, final String name, final String value) {
        if (value != null) {
            details.add(name + " " + value);
        }
    }
}
