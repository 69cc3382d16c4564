package org.safepassage.guardian.crossing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.client.ReceivedEvent;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.RequestStatus;
import org.safepassage.guardian.crossing.GuardianMessage.State;
import org.safepassage.guardian.oversight.ActivityProjection;

/**
 * Turns one chaincode event into durable state, together with the consumer's checkpoint, in one database transaction:
 * either the event's work and the new position both commit or neither does, so after a crash the event is read again
 * and, since its rows are keyed by request and guardian, creates nothing twice. Texts are sent afterwards, from the
 * outbox, by {@link GuardianTexts}. Every event also feeds the analysts' {@link ActivityProjection}, in the same
 * transaction.
 */
@ApplicationScoped
class CrossingEvents {
    private static final Logger LOG = Logger.getLogger(CrossingEvents.class);

    private final CrossingStore store;
    private final CrossingCodes codes;
    private final ActivityProjection activity;
    private final Clock clock;

    CrossingEvents(final CrossingStore store, final CrossingCodes codes, final ActivityProjection activity,
            final Clock clock) {
        this.store = store;
        this.codes = codes;
        this.activity = activity;
        this.clock = clock;
    }

    @Transactional
    void record(final ReceivedEvent received, final String consumer) {
        final Instant now = clock.instant();
        final CrossingRequest request = received.event().request();
        switch (received.type()) {
            case CROSSING_REQUESTED -> {
                if (request != null && store.erased(codes.erasedRequestHash(request.requestId()))) {
                    LOG.debugf("crossing request %s belongs to an erased subject: ignored", received.transactionId());
                } else if (request != null && store.insertRequest(request, received.blockNumber(), now)) {
                    final boolean open = request.status() == RequestStatus.PENDING && !request.isExpiredAt(now);
                    for (final String guardianRef : request.guardianRefs()) {
                        store.insertMessage(request.requestId(), guardianRef, open ? State.NEW : State.SKIPPED, now);
                    }
                    LOG.infof("crossing request %s (block %d): %d guardian(s) to text%s", request.requestId(),
                            received.blockNumber(), request.guardianRefs().size(), open ? "" : ", but it is closed");
                } else {
                    LOG.debugf("crossing request %s seen before", received.transactionId());
                }
            }
            case GUARDIAN_DECISION_RECORDED, CROSSING_REQUEST_CLOSED, CROSSING_RECORDED -> {
                if (request != null) {
                    store.updateRequest(request, now);
                }
            }
            default -> {
                // not ours; only the checkpoint moves
            }
        }
        // a subject erased here first (enrollment's call) must not reappear from a redelivered event of theirs
        if (request == null || !store.erased(codes.erasedRequestHash(request.requestId()))) {
            activity.project(received, now);
        }
        store.saveCheckpoint(consumer, received.blockNumber(), received.transactionId(), now);
    }
}
