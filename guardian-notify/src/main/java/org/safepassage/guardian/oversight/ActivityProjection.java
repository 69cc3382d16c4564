package org.safepassage.guardian.oversight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.client.ReceivedEvent;
import org.safepassage.chaincode.model.EventType;

/**
 * The analysts' view of the ledger: every chaincode event the crossing consumer reads becomes activity rows, in the
 * consumer's transaction (so with its checkpoint: nothing lost or doubled on a crash; a redelivered event finds its
 * rows keyed by transaction and position and adds nothing). A subject's erasure on the ledger deletes its rows; a
 * rewound checkpoint replays the older events and then the erasure again, so the rows end up gone either way.
 */
@ApplicationScoped
public class ActivityProjection {
    private static final Logger LOG = Logger.getLogger(ActivityProjection.class);

    private final ActivityStore store;

    ActivityProjection(final ActivityStore store) {
        this.store = store;
    }

    /**
     * Projects one event; joins the caller's transaction.
     *
     * @param received the event as read from the ledger
     * @param readAt when it was read, standing in for events that carry no time of their own
     * @return the number of rows added (0 for a redelivered event)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int project(final ReceivedEvent received, final Instant readAt) {
        if (received.type() == EventType.SUBJECT_ERASED) {
            final int deleted = store.deleteSubject(received.event().subjectId());
            LOG.debugf("subject erased on the ledger: %d activity row(s) deleted", deleted);
            return 0;
        }
        final List<Activity> rows = ActivityRows.of(received, readAt);
        int added = 0;
        for (final Activity row : rows) {
            if (store.insert(row)) {
                added++;
            }
        }
        return added;
    }

    /**
     * Deletes every activity row of a subject, for erasure; joins the caller's transaction if there is one.
     *
     * @param subjectId the subject's ledger id
     * @return the number of rows deleted
     */
    @Transactional
    public int forgetSubject(final String subjectId) {
        return store.deleteSubject(subjectId);
    }
}
