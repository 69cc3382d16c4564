package org.safepassage.enrollment.ledger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.safepassage.service.actor.ActingPerson;

/**
 * Retries what the ledger has not confirmed yet. Order is kept per subject only; a passing failure waits out a growing
 * backoff, a permanent one becomes a dead letter with its reason. Either way the worker goes on with the next subject,
 * so no entry can hold up anyone else's registration or erasure. Each retry is made on behalf of the actor its row
 * keeps, so the ledger names the person whose change it carries out (or enrollment, for rows that name none).
 */
@ApplicationScoped
public class OutboxWorker {
    private static final Logger LOG = Logger.getLogger(OutboxWorker.class);
    private static final int BATCH = 100;

    private final LedgerOutbox outbox;
    private final ActingPerson acting;
    private final Backoff backoff;
    private final Counter deadLettered;
    private final Map<LedgerOutbox.Operation, OutboxHandler> handlers = new EnumMap<>(LedgerOutbox.Operation.class);

    OutboxWorker(final LedgerOutbox outbox, final ActingPerson acting, final Instance<OutboxHandler> all,
            final MeterRegistry metrics,
            @ConfigProperty(name = "safepassage.outbox.backoff-first", defaultValue = "PT10S") final Duration first,
            @ConfigProperty(name = "safepassage.outbox.backoff-max", defaultValue = "PT5M") final Duration max) {
        this.outbox = outbox;
        this.acting = acting;
        this.backoff = new Backoff(first, max);
        all.forEach(handler -> handlers.put(handler.operation(), handler));
        this.deadLettered = Counter.builder("safepassage.outbox.dead.lettered")
                .description("Outbox entries set aside after a permanent failure").register(metrics);
        for (LedgerOutbox.State state : LedgerOutbox.State.values()) {
            Gauge.builder("safepassage.outbox.entries", () -> outbox.count(state)).strongReference(true)
                    .tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
                    .description("Outbox entries by state: pending (to retry) or dead (for an operator)")
                    .register(metrics);
        }
    }

    @Scheduled(every = "${safepassage.ledger.retry-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void retry() {
        for (LedgerOutbox.Entry entry : outbox.due(BATCH, Instant.now())) {
            try {
                acting.onBehalfOf(entry.actor(), () -> {
                    handlers.get(entry.operation()).apply(entry.subjectId());
                    return null;
                });
            } catch (RuntimeException e) {
                failed(entry, e);
            }
        }
    }

    private void failed(final LedgerOutbox.Entry entry, final RuntimeException failure) {
        final int attempt = entry.attempts() + 1;
        if (Failures.isPermanent(failure)) {
            // A handler that undoes the local change itself (a refused registration) has closed its entry already.
            if (outbox.deadLetter(entry, Failures.describe(failure), Instant.now())) {
                LOG.errorf("ledger %s for %s failed for good (attempt %d), set aside for an operator: %s",
                        entry.operation(), entry.subjectId(), attempt, failure.toString());
                deadLettered.increment();
            }
        } else {
            final Duration wait = backoff.after(attempt);
            LOG.warnf("ledger %s for %s not done yet (attempt %d), next in %s: %s", entry.operation(),
                    entry.subjectId(), attempt, wait, failure.toString());
            outbox.retryLater(entry, Failures.describe(failure), Instant.now().plus(wait));
        }
    }
}
