package org.safepassage.enrollment.erasure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.safepassage.enrollment.ledger.LedgerOutbox;
import org.safepassage.enrollment.ledger.OutboxHandler;
import org.safepassage.enrollment.ledger.PermanentFailure;

/**
 * Erasure reaches the SMS records too: guardian-notify deletes its messages about the subject and Twilio's copies.
 * Queued in the erasure's own transaction and retried until guardian-notify confirms, like the ledger work.
 */
@ApplicationScoped
public class NotifierErasure implements OutboxHandler {
    private final NotifierRecords notifier;
    private final LedgerOutbox outbox;

    NotifierErasure(@RestClient final NotifierRecords notifier, final LedgerOutbox outbox) {
        this.notifier = notifier;
        this.outbox = outbox;
    }

    @Override
    public LedgerOutbox.Operation operation() {
        return LedgerOutbox.Operation.ERASE_MESSAGES;
    }

    @Override
    public void apply(final String subjectId) {
        int status;
        try (Response response = notifier.forget(subjectId)) {
            status = response.getStatus();
        } catch (WebApplicationException e) {
            status = e.getResponse().getStatus();
        }
        // 404: the notifier never texted anyone about this subject, which is as erased as it gets.
        if (status / 100 != 2 && status != 404) {
            // A 4xx is guardian-notify refusing this call as made (credentials, a bad id): the same call fails again,
            // so an operator must look. 5xx, timeouts and throttling (408, 429) pass.
            final boolean permanent = status / 100 == 4 && status != 408 && status != 429;
            final String message = "guardian-notify answered " + status + " to the erasure";
            throw permanent ? new PermanentFailure(message) : new IllegalStateException(message);
        }
        outbox.done(subjectId, LedgerOutbox.Operation.ERASE_MESSAGES);
    }
}
