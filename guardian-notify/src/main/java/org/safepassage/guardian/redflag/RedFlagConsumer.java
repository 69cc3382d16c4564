package org.safepassage.guardian.redflag;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.client.EventStream;
import org.safepassage.chaincode.client.ReceivedEvent;

/**
 * Runs the red-flag rules over the ledger's events, apart from the crossing consumer so that a slow or failing rule
 * never delays a guardian's text. Each pass reads from {@code safepassage.redflag.first-start-block} (see
 * {@link RedFlagRun} for why never from the middle); a ledger failure ends the pass and a new one starts after
 * {@code retry-every}. Alerts already on the ledger are not raised again, so a restart costs reads, not alerts.
 */
@ApplicationScoped
public class RedFlagConsumer {
    private static final Logger LOG = Logger.getLogger(RedFlagConsumer.class);

    private final AnalyticsLedger ledger;
    private final PhoneBook phones;
    private final RedFlagConfig config;
    private final RedFlagHits hits;
    private Thread reader;
    private volatile EventStream stream;
    private volatile boolean running;

    RedFlagConsumer(final AnalyticsLedger ledger, final GuardianPhoneBook phones, final RedFlagConfig config,
            final RedFlagHits hits) {
        this.hits = hits;
        this.ledger = ledger;
        this.phones = phones;
        this.config = config;
    }

    void onStart(@Observes final StartupEvent startup) {
        if (config.enabled()) {
            start();
        }
    }

    void onStop(@Observes final ShutdownEvent shutdown) {
        stop();
    }

    /** Starts reading; does nothing if already running. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        reader = new Thread(this::readEvents, "red-flag-consumer");
        reader.setDaemon(true);
        reader.start();
        LOG.info("red-flag rules started");
    }

    /** Stops reading and waits for the event being handled. Idempotent. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        final EventStream current = stream;
        if (current != null) {
            current.close();
        }
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("red-flag rules stopped");
    }

    private void readEvents() {
        while (running) {
            // connecting is inside the try: a missing identity or a ledger that is down is retried, not fatal
            try (EventStream opened = ledger.chaincode().events().fromBlock(config.firstStartBlock())) {
                final RedFlagRun run = new RedFlagRun(config.settings(), phones, ledger.chaincode().alerts(),
                        hits::record);
                stream = opened;
                while (running && opened.hasNext()) {
                    final ReceivedEvent event = opened.next();
                    run.accept(event);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                LOG.warnf("red-flag pass interrupted (%s): a new pass starts from block %d in %s", e.getMessage(),
                        config.firstStartBlock(), config.retryEvery());
                ledger.reset();
                sleep();
            } finally {
                stream = null;
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(config.retryEvery().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
