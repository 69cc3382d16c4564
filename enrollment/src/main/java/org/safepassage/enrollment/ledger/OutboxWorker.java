package org.safepassage.enrollment.ledger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.Map;
import org.jboss.logging.Logger;

/** Retries what the ledger has not confirmed yet, in the order it was promised. */
@ApplicationScoped
public class OutboxWorker {
    private static final Logger LOG = Logger.getLogger(OutboxWorker.class);
    /* Longer than a request's own ledger call normally takes. */
    private static final java.time.Duration GRACE = java.time.Duration.ofSeconds(20);

    private final LedgerOutbox outbox;
    private final Map<LedgerOutbox.Operation, OutboxHandler> handlers = new EnumMap<>(LedgerOutbox.Operation.class);

    OutboxWorker(final LedgerOutbox outbox, final Instance<OutboxHandler> all) {
        this.outbox = outbox;
        all.forEach(handler -> handlers.put(handler.operation(), handler));
    }

    @Scheduled(every = "${safepassage.ledger.retry-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void retry() {
        for (LedgerOutbox.Entry entry : outbox.pending(100, GRACE)) {
            try {
                handlers.get(entry.operation()).apply(entry.subjectId());
            } catch (RuntimeException e) {
                LOG.warnf("ledger %s for %s not done yet (attempt %d): %s", entry.operation(), entry.subjectId(),
                        entry.attempts() + 1, e.toString());
                outbox.failed(entry.subjectId(), entry.operation(), e.getClass().getSimpleName() + ": " + e.getMessage());
                return; // keep the order; the ledger is probably down
            }
        }
    }
}
