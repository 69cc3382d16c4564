package org.safepassage.guardian.crossing;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.client.EventFollower;
import org.safepassage.chaincode.client.EventStream;
import org.safepassage.chaincode.client.ReceivedEvent;

/**
 * Reads the chaincode's events as the notifier, from where it left off: the position is kept in PostgreSQL and moves
 * in the same transaction as each event's work ({@link CrossingEvents}), so after a restart it resumes exactly after
 * the last event handled, and a redelivered event finds its rows already there. After each event, and every
 * {@code safepassage.crossing.retry-every}, the outbox is sent ({@link GuardianTexts}); on that timer, decisions that
 * could not reach the ledger are submitted again ({@link GuardianReplies}) and requests no guardian can be reached for,
 * or none answered in time, are escalated to the duty officer ({@link DutyEscalation}). A ledger failure closes the
 * stream; it is reopened from the checkpoint after {@code retry-every}.
 */
@ApplicationScoped
public class CrossingEventConsumer {
    static final String CONSUMER = "guardian-notify/crossing";
    private static final Logger LOG = Logger.getLogger(CrossingEventConsumer.class);

    private final NotifierLedger ledger;
    private final CrossingEvents events;
    private final GuardianTexts texts;
    private final GuardianReplies replies;
    private final DutyEscalation escalation;
    private final CrossingStore store;
    private final CrossingConfig config;
    private final Clock clock;
    private ScheduledExecutorService outbox;
    private volatile EventFollower follower;

    CrossingEventConsumer(final NotifierLedger ledger, final CrossingEvents events, final GuardianTexts texts,
            final GuardianReplies replies, final DutyEscalation escalation, final CrossingStore store,
            final CrossingConfig config, final Clock clock) {
        this.ledger = ledger;
        this.events = events;
        this.texts = texts;
        this.replies = replies;
        this.escalation = escalation;
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes final StartupEvent startup) {
        texts.recoverInterruptedSends();
        escalation.recoverInterruptedSends();
        if (config.consumerEnabled()) {
            start();
        }
    }

    void onStop(@Observes final ShutdownEvent shutdown) {
        stop();
    }

    /** Starts reading events from the checkpoint; does nothing if already running. */
    public synchronized void start() {
        if (follower != null) {
            return;
        }
        follower = EventFollower.start("crossing-event-consumer",
                () -> ledger.chaincode().events().resume(new DbCheckpointer(store, CONSUMER, clock),
                        config.firstStartBlock()),
                new EventFollower.Handler() {
                    @Override
                    public void opened(final EventStream stream) {
                        sendOutbox();
                    }

                    @Override
                    public void handle(final EventStream stream, final ReceivedEvent event) {
                        events.record(event, CONSUMER);
                        sendOutbox();
                    }
                }, config.retryEvery(), e -> {
                    LOG.warnf("chaincode events interrupted (%s): resuming from the checkpoint in %s",
                            e.getMessage(), config.retryEvery());
                    ledger.reset();
                });
        final long every = Math.max(100, config.retryEvery().toMillis());
        outbox = Executors.newSingleThreadScheduledExecutor(r -> {
            final Thread t = new Thread(r, "guardian-outbox");
            t.setDaemon(true);
            return t;
        });
        outbox.scheduleWithFixedDelay(this::outboxRound, every, every, TimeUnit.MILLISECONDS);
        LOG.info("crossing event consumer started");
    }

    /** Stops reading and waits for the reader to finish the event it is handling. Idempotent. */
    public synchronized void stop() {
        if (follower == null) {
            return;
        }
        follower.close();
        follower = null;
        outbox.shutdownNow();
        try {
            outbox.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("crossing event consumer stopped");
    }

    /** Whether the consumer is reading. */
    public boolean isRunning() {
        return follower != null;
    }

    private void sendOutbox() {
        try {
            texts.sendPending();
        } catch (RuntimeException e) {
            LOG.warnf("outbox round failed: %s", e.getMessage());
        }
    }

    private void outboxRound() {
        sendOutbox();
        try {
            replies.resubmitUnrecorded();
        } catch (RuntimeException e) {
            LOG.warnf("decision resubmission round failed: %s", e.getMessage());
        }
        try {
            escalation.check();
        } catch (RuntimeException e) {
            LOG.warnf("duty officer escalation round failed: %s", e.getMessage());
        }
    }
}
