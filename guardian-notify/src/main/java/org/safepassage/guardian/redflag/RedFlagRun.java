package org.safepassage.guardian.redflag;

import java.util.EnumMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.client.Alerts;
import org.safepassage.chaincode.model.Alert;
import org.safepassage.chaincode.client.ChaincodeRefusedException;
import org.safepassage.chaincode.client.ReceivedEvent;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.RedFlagCommand;
import org.safepassage.chaincode.model.RedFlagRule;

/**
 * One pass of the engine over the stream, from the first block the analytics read: each event's hits are raised on
 * the ledger, unless an alert with the hit's id is already there (raised before a crash, or by an earlier pass). The
 * rules' windows live in memory, so every pass starts from that first block, never from the middle: starting in the
 * middle would find hits with part of their evidence, under other ids. Not thread-safe.
 */
final class RedFlagRun {
    private static final Logger LOG = Logger.getLogger(RedFlagRun.class);

    private final RedFlagEngine engine;
    private final Alerts alerts;
    private final java.util.function.Consumer<Alert> found;
    private final Map<RedFlagRule, Integer> raised = new EnumMap<>(RedFlagRule.class);
    private int weakSignals;

    /**
     * @param found told of every red flag this pass found, whether raised now or already on the ledger
     */
    RedFlagRun(final RedFlagSettings settings, final PhoneBook phones, final Alerts alerts,
            final java.util.function.Consumer<Alert> found) {
        this.engine = new RedFlagEngine(settings, phones);
        this.alerts = alerts;
        this.found = found;
    }

    /**
     * Applies the rules to one event and raises its hits.
     *
     * @return how many alerts this call put on the ledger (0 for hits already there)
     * @throws org.safepassage.chaincode.client.LedgerException if the ledger cannot be reached; the pass is then
     *     abandoned and a new one starts from the first block
     */
    int accept(final ReceivedEvent event) {
        final RedFlagEngine.Outcome outcome = engine.accept(event);
        int count = 0;
        for (final RedFlagCommand hit : outcome.alerts()) {
            if (raise(hit)) {
                raised.merge(hit.rule(), 1, Integer::sum);
                count++;
            }
        }
        for (final WeakSignal signal : outcome.weakSignals()) {
            weakSignals++;
            // opaque ids only: the subject and how many fast approvals, never a number
            LOG.infof("weak signal: fast approvals from one number for %d children, the latest for subject %s",
                    signal.evidence().size(), signal.subjectId());
        }
        return count;
    }

    /** Alerts this pass put on the ledger, per rule. */
    Map<RedFlagRule, Integer> raised() {
        return Map.copyOf(raised);
    }

    int weakSignals() {
        return weakSignals;
    }

    private boolean raise(final RedFlagCommand hit) {
        try {
            found.accept(alerts.read(hit.alertId()));
            return false;
        } catch (ChaincodeRefusedException e) {
            if (e.getCode() != ErrorCode.ALERT_NOT_FOUND) {
                throw e;
            }
        }
        try {
            found.accept(alerts.raiseRedFlag(hit));
            LOG.infof("red flag %s raised for subject %s: %s", hit.rule(), hit.subjectId(), hit.alertId());
            return true;
        } catch (ChaincodeRefusedException e) {
            if (e.getCode() == ErrorCode.SUBJECT_ERASED || e.getCode() == ErrorCode.SUBJECT_NOT_FOUND) {
                // erased since: nothing may name it any more
                LOG.debugf("red flag %s dropped: %s", hit.rule(), e.getCode());
                return false;
            }
            throw e;
        }
    }
}
