package org.safepassage.gateway.status;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hyperledger.fabric.client.Checkpointer;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.client.EventFollower;
import org.safepassage.chaincode.client.EventStream;
import org.safepassage.chaincode.client.LedgerEvents;
import org.safepassage.chaincode.client.ReceivedEvent;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.RequestStatus;
import org.safepassage.gateway.ledger.PostLedgers;
import org.safepassage.gateway.terminal.TerminalConfig;

/**
 * The gateway's one subscription to the ledger's chaincode events, fanned out to every live status stream, and the
 * pending requests of this gateway's posts that the {@link ExpiryScheduler} watches. All of it is derived from the
 * ledger: on start the stream replays the channel from {@code safepassage.ledger.events-from-block} (default 0), so a
 * restarted gateway knows its pending requests again; after a broken connection it resumes where it stopped.
 */
@ApplicationScoped
public class RequestTracker {
    private static final Logger LOG = Logger.getLogger(RequestTracker.class);

    private final PostLedgers ledgers;
    private final String serviceUser;
    private final long fromBlock;
    private final Duration retryEvery;
    private final Set<String> servedPosts;
    private final Map<String, CrossingRequest> pending = new ConcurrentHashMap<>();
    /* Pending requests at every post, not only this gateway's: a scan here must know of one open elsewhere. */
    private final Map<String, CrossingRequest> pendingAnywhere = new ConcurrentHashMap<>();
    private final Map<String, Set<Consumer<RequestView>>> listeners = new ConcurrentHashMap<>();
    private EventFollower follower;
    /* Where the stream got to, kept across reconnects (the first stream is opened at fromBlock). */
    private Checkpointer checkpointer;

    RequestTracker(final PostLedgers ledgers, final TerminalConfig terminals,
            @ConfigProperty(name = "safepassage.ledger.service-user", defaultValue = "guard") final String serviceUser,
            @ConfigProperty(name = "safepassage.ledger.events-from-block", defaultValue = "0") final long fromBlock,
            @ConfigProperty(name = "safepassage.ledger.retry-every", defaultValue = "5s") final Duration retryEvery,
            @ConfigProperty(name = "safepassage.ledger.msp", defaultValue = "BorderMSP") final String mspId) {
        this.ledgers = ledgers;
        this.serviceUser = serviceUser;
        this.fromBlock = fromBlock;
        this.retryEvery = retryEvery;
        // A border police serves its own country's posts only (the ledger refuses the others): a neighbour's gateway
        // configured beside the shipped Moldovan terminals never tries to expire Moldova's requests.
        final java.util.Optional<String> country = org.safepassage.chaincode.model.Organisation.ofMspId(mspId)
                .flatMap(org.safepassage.chaincode.model.Organisation::country);
        this.servedPosts = terminals.terminals().values().stream()
                .map(TerminalConfig.TerminalEntry::post)
                .filter(post -> country.map(c -> post.startsWith(c + "-")).orElse(true))
                .collect(Collectors.toUnmodifiableSet());
    }

    void start(@Observes final StartupEvent startup) {
        follower = EventFollower.start("ledger-events", this::open, new EventFollower.Handler() {
            @Override
            public void opened(final EventStream stream) {
                checkpointer = stream.checkpointer();
                LOG.info("following the ledger's chaincode events");
            }

            @Override
            public void handle(final EventStream stream, final ReceivedEvent event) {
                RequestTracker.this.handle(event);
                stream.checkpoint(event);
            }
        }, retryEvery, e -> LOG.warnf("ledger event stream interrupted (%s); reconnecting in %s", e.getMessage(),
                retryEvery));
    }

    void stop(@Observes final ShutdownEvent shutdown) {
        if (follower != null) {
            follower.close();
        }
    }

    /**
     * Notes a request this gateway just opened, before its event arrives.
     *
     * @param request the pending request
     */
    public void opened(final CrossingRequest request) {
        update(request);
    }

    /**
     * Takes a newer state of a request (from an event or a transaction's result) and tells its listeners.
     *
     * @param request the request as the ledger now holds it
     */
    public void update(final CrossingRequest request) {
        if (request.status() == RequestStatus.PENDING && servedPosts.contains(request.post())) {
            pending.merge(request.requestId(), request,
                    (old, next) -> next.decisions().size() >= old.decisions().size() ? next : old);
        } else {
            pending.remove(request.requestId());
        }
        if (request.status() == RequestStatus.PENDING) {
            pendingAnywhere.merge(request.requestId(), request,
                    (old, next) -> next.decisions().size() >= old.decisions().size() ? next : old);
        } else {
            pendingAnywhere.remove(request.requestId());
        }
        final RequestView view = RequestView.of(request);
        listeners.getOrDefault(request.requestId(), Set.of()).forEach(listener -> listener.accept(view));
    }

    /**
     * Forgets a request the ledger no longer has pending.
     *
     * @param requestId the request's id
     */
    public void forget(final String requestId) {
        pending.remove(requestId);
        pendingAnywhere.remove(requestId);
    }

    /**
     * The subject's open request at any post, as far as the ledger's events have told this gateway: the oldest if there
     * are several (opened before the rule, or by two gateways at once).
     *
     * @param subjectId the subject
     * @param now the current time; a request past its expiry no longer counts, even before it is closed
     * @return the open request, if any
     */
    public Optional<CrossingRequest> openFor(final String subjectId, final Instant now) {
        // Requests past their expiry no longer matter here, even while nobody has closed them on the ledger yet.
        pendingAnywhere.values().removeIf(request -> request.isExpiredAt(now));
        return pendingAnywhere.values().stream()
                .filter(request -> request.subjectId().equals(subjectId) && request.isOpenAt(now))
                .min(java.util.Comparator.comparing(CrossingRequest::createdAt));
    }

    /**
     * Listens to a request's updates.
     *
     * @param requestId the request's id
     * @param listener called on the event thread with each new state
     * @return stops listening
     */
    public Runnable subscribe(final String requestId, final Consumer<RequestView> listener) {
        listeners.computeIfAbsent(requestId, id -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.computeIfPresent(requestId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * The pending requests of this gateway's posts whose expiry has passed.
     *
     * @param now the current time
     * @return the due requests
     */
    public List<CrossingRequest> due(final Instant now) {
        return pending.values().stream().filter(request -> request.isExpiredAt(now)).toList();
    }

    private EventStream open() {
        final LedgerEvents events = ledgers.as(serviceUser).events();
        return checkpointer == null ? events.fromBlock(fromBlock) : events.resume(checkpointer, fromBlock);
    }

    private void handle(final ReceivedEvent received) {
        switch (received.type()) {
            case CROSSING_REQUESTED, GUARDIAN_DECISION_RECORDED, CROSSING_REQUEST_CLOSED -> {
                if (received.event().request() != null) {
                    update(received.event().request());
                }
            }
            default -> {
                // Other events do not change what a guard's screen shows.
            }
        }
    }
}
