package org.safepassage.guardian.redflag;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.client.EventFollower;
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
    private EventFollower follower;

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
        if (follower == null) {
            follower = EventFollower.start("red-flag-consumer",
                    () -> ledger.chaincode().events().fromBlock(config.firstStartBlock()), new Pass(),
                    config.retryEvery(), this::interrupted);
            LOG.info("red-flag rules started");
        }
    }

    /** Stops reading and waits for the event being handled. Idempotent. */
    public synchronized void stop() {
        if (follower != null) {
            follower.close();
            follower = null;
            LOG.info("red-flag rules stopped");
        }
    }

    private void interrupted(final RuntimeException e) {
        LOG.warnf("red-flag pass interrupted (%s): a new pass starts from block %d in %s", e.getMessage(),
                config.firstStartBlock(), config.retryEvery());
        ledger.reset();
    }

    /* Each pass, from the first block, runs the rules afresh: a new RedFlagRun for each stream opened. */
    private final class Pass implements EventFollower.Handler {
        private RedFlagRun run;

        @Override
        public void opened(final EventStream stream) {
            run = new RedFlagRun(config.settings(), phones, ledger.chaincode().alerts(), hits::record);
        }

        @Override
        public void handle(final EventStream stream, final ReceivedEvent event) {
            run.accept(event);
        }
    }
}
