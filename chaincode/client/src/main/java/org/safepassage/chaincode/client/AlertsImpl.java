package org.safepassage.chaincode.client;

import static org.safepassage.chaincode.client.ContractCalls.json;

import java.util.List;
import java.util.Objects;
import org.safepassage.chaincode.model.AcknowledgeAlertCommand;
import org.safepassage.chaincode.model.Alert;
import org.safepassage.chaincode.model.RedFlagCommand;

final class AlertsImpl implements Alerts {
    static final String CONTRACT = "alert";

    private final ContractCalls calls;

    AlertsImpl(final ContractCalls calls) {
        this.calls = calls;
    }

    @Override
    public Alert acknowledge(final AcknowledgeAlertCommand command) {
        return calls.submit("AcknowledgeAlert", Alert.class, json(command));
    }

    @Override
    public Alert raiseRedFlag(final RedFlagCommand command) {
        return calls.submit("RaiseRedFlag", Alert.class, json(command));
    }

    @Override
    public Alert read(final String alertId) {
        return calls.evaluate("ReadAlert", Alert.class, Objects.requireNonNull(alertId, "alertId"));
    }

    @Override
    public List<Alert> listOpen() {
        return calls.evaluateList("ListOpenAlerts", Alert.class);
    }
}
