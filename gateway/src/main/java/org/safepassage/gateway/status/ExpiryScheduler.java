package org.safepassage.gateway.status;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.client.ChaincodeRefusedException;
import org.safepassage.chaincode.client.LedgerException;
import org.safepassage.chaincode.model.Actors;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.gateway.ledger.PostLedgers;

/**
 * Closes this gateway's unanswered requests once their time is up ({@code ExpireCrossingRequest}, which raises an
 * alert for child protection); the status stream then shows EXPIRED to the guard. No person asks for an expiry, so the
 * ledger names the gateway itself as its actor ({@code service:<application name>}), as the other services do for
 * their own writes.
 */
@ApplicationScoped
class ExpiryScheduler {
    private static final Logger LOG = Logger.getLogger(ExpiryScheduler.class);

    private final RequestTracker tracker;
    private final PostLedgers ledgers;
    private final String serviceUser;
    private final String actor;

    ExpiryScheduler(final RequestTracker tracker, final PostLedgers ledgers,
            @ConfigProperty(name = "safepassage.ledger.service-user", defaultValue = "guard") final String serviceUser,
            @ConfigProperty(name = "quarkus.application.name") final String application) {
        this.tracker = tracker;
        this.ledgers = ledgers;
        this.serviceUser = serviceUser;
        this.actor = Actors.service(application);
    }

    @Scheduled(every = "${safepassage.gateway.expiry-check-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireDue() {
        for (final CrossingRequest request : tracker.due(Instant.now())) {
            try {
                tracker.update(ledgers.as(serviceUser).actingFor(actor).crossings().expireRequest(request.requestId()));
                LOG.infof("request %s expired unanswered", request.requestId());
            } catch (ChaincodeRefusedException e) {
                if (e.getCode() == ErrorCode.REQUEST_NOT_PENDING || e.getCode() == ErrorCode.REQUEST_NOT_FOUND) {
                    tracker.forget(request.requestId());
                } else if (e.getCode() != ErrorCode.REQUEST_NOT_EXPIRED) {
                    LOG.warnf("cannot expire request %s: %s", request.requestId(), e.getMessage());
                }
            } catch (LedgerException e) {
                LOG.warnf("cannot expire request %s now: %s", request.requestId(), e.getMessage());
            }
        }
    }
}
