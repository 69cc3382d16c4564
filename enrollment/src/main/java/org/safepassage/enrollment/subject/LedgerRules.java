package org.safepassage.enrollment.subject;

import java.util.Map;
import java.util.function.Supplier;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.service.api.ApiException;

/**
 * The ledger's record rules (chaincode/model), applied before anything is committed. Building the command a change will
 * send runs the very validation the chaincode runs, so a change the ledger would refuse is answered with a 4xx while
 * its transaction can still roll back, instead of leaving an outbox entry that can never be delivered.
 */
final class LedgerRules {
    private LedgerRules() {}

    /** Builds {@code command}; a rule it breaks becomes a 422 naming the field the model names. */
    static void check(final Supplier<?> command) {
        try {
            command.get();
        } catch (IllegalArgumentException broken) {
            // The model's messages are "field: what is wrong" and hold opaque ids and counts, never personal data.
            final String message = String.valueOf(broken.getMessage());
            final int colon = message.indexOf(':');
            throw new ApiException(Reason.REFUSED_BY_LEDGER_RULES, message,
                    colon > 0 ? Map.of("field", message.substring(0, colon)) : Map.of());
        }
    }
}
