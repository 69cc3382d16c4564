package org.safepassage.chaincode.client;

import java.util.List;
import org.safepassage.chaincode.model.AcknowledgeAlertCommand;
import org.safepassage.chaincode.model.Alert;
import org.safepassage.chaincode.model.RedFlagCommand;

/**
 * The chaincode's {@code alert} contract: what child-protection analysts must look at, and their conclusions.
 *
 * <p>Submitting methods return once the transaction has committed; evaluating ones ask a single peer. Failures are
 * reported as on {@link Subjects}. Arguments must not be null. Thread-safe.
 */
public interface Alerts {
    /**
     * Submits {@code AcknowledgeAlert}: an analyst concluded on an alert.
     *
     * @param command the conclusion
     * @return the acknowledged alert
     */
    Alert acknowledge(AcknowledgeAlertCommand command);

    /**
     * Submits {@code RaiseRedFlag}: a red-flag rule matched. Raising the same hit again (same rule, same evidence)
     * writes nothing and returns the alert as it stands.
     *
     * @param command the rule, subject, post and evidence
     * @return the alert, whose id is {@link RedFlagCommand#alertId()}
     */
    Alert raiseRedFlag(RedFlagCommand command);

    /**
     * Evaluates {@code ReadAlert}.
     *
     * @param alertId the alert's id
     * @return the alert (refused as {@code ALERT_NOT_FOUND} if there is none)
     */
    Alert read(String alertId);

    /**
     * Evaluates {@code ListOpenAlerts}.
     *
     * @return the alerts no analyst has acknowledged yet
     */
    List<Alert> listOpen();
}
