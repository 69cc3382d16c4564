package org.safepassage.chaincode.contract.alert;

import java.util.Comparator;
import java.util.Optional;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.safepassage.chaincode.contract.Access;
import org.safepassage.chaincode.contract.Attribution;
import org.safepassage.chaincode.contract.Caller;
import org.safepassage.chaincode.contract.Ledger;
import org.safepassage.chaincode.contract.Refusal;
import org.safepassage.chaincode.model.AcknowledgeAlertCommand;
import org.safepassage.chaincode.model.Alert;
import org.safepassage.chaincode.model.AlertAcknowledgement;
import org.safepassage.chaincode.model.AlertStatus;
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.chaincode.model.LedgerEvent;
import org.safepassage.chaincode.model.RedFlagCommand;

/** Child-protection analysts' view of alerts. */
@Contract(name = "alert", info = @Info(title = "SafePassage alerts", version = "0.1.0"))
public final class AlertContract implements ContractInterface {

    /** Records the person the calling service acts for, when it names one ({@link Attribution}). */
    @Override
    public void beforeTransaction(final Context ctx) {
        Attribution.record(ctx);
    }

    /** Records an analyst's conclusion on an alert; the alert itself is never deleted. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String AcknowledgeAlert(final Context ctx, final String commandJson) {
        final Caller caller = Caller.require(ctx, Access.REVIEW_ALERTS);
        final AcknowledgeAlertCommand command = Refusal.parse(commandJson, AcknowledgeAlertCommand.class);
        final Ledger ledger = Ledger.of(ctx);
        final Alert alert = ledger.alert(command.alertId());
        if (alert.status() == AlertStatus.ACKNOWLEDGED) {
            throw Refusal.of(ErrorCode.ALERT_ALREADY_ACKNOWLEDGED, "alert " + alert.alertId()
                    + " is already acknowledged");
        }
        final Alert acknowledged =
                alert.acknowledged(new AlertAcknowledgement(command.resolution(), caller.name(), ledger.now()));
        ledger.put(acknowledged);
        ledger.emit(LedgerEvent.of(EventType.ALERT_ACKNOWLEDGED, acknowledged));
        return CanonicalJson.toJson(acknowledged);
    }

    /**
     * Raises a red-flag alert for a rule's hit. The id is derived from the rule and the evidence, so raising the same
     * hit again (the analytics re-reading the stream after a crash) writes nothing and returns the alert as it stands.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RaiseRedFlag(final Context ctx, final String commandJson) {
        Caller.require(ctx, Access.RAISE_RED_FLAGS);
        final RedFlagCommand command = Refusal.parse(commandJson, RedFlagCommand.class);
        final Ledger ledger = Ledger.of(ctx);
        final Optional<Alert> existing = ledger.findAlert(command.alertId());
        if (existing.isPresent()) {
            return CanonicalJson.toJson(existing.get());
        }
        ledger.liveSubject(command.subjectId());
        final Alert alert = Alert.redFlag(command, ledger.now());
        ledger.put(alert);
        ledger.emit(LedgerEvent.of(EventType.RED_FLAG_RAISED, alert));
        return CanonicalJson.toJson(alert);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ReadAlert(final Context ctx, final String alertId) {
        Caller.require(ctx, Access.READ_ALERTS);
        return CanonicalJson.toJson(Ledger.of(ctx).alert(Refusal.ledgerId("alertId", alertId)));
    }

    /** Alerts no analyst has dealt with yet, oldest first. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListOpenAlerts(final Context ctx) {
        Caller.require(ctx, Access.READ_ALERTS);
        return CanonicalJson.toJson(Ledger.of(ctx).alerts().stream()
                .filter(a -> a.status() == AlertStatus.OPEN)
                .sorted(Comparator.comparing(Alert::raisedAt).thenComparing(Alert::alertId))
                .toList());
    }
}
