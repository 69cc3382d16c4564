package org.safepassage.chaincode.contract.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.chaincode.contract.TestLedger.ANALYST;
import static org.safepassage.chaincode.contract.TestLedger.CHILD_PROTECTION_NO_ROLE;
import static org.safepassage.chaincode.contract.TestLedger.GUARD;
import static org.safepassage.chaincode.contract.TestLedger.OFFICER;
import static org.safepassage.chaincode.contract.TestLedger.POST;
import static org.safepassage.chaincode.contract.TestLedger.json;

import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.contract.TestLedger;
import org.safepassage.chaincode.model.AcknowledgeAlertCommand;
import org.safepassage.chaincode.model.Alert;
import org.safepassage.chaincode.model.AlertResolution;
import org.safepassage.chaincode.model.AlertStatus;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.chaincode.model.RecordScanCommand;
import org.safepassage.chaincode.model.Subject;

class AlertContractTest {
    private final TestLedger ledger = new TestLedger();

    private Alert missingChildScanned() {
        final Subject subject = ledger.registerMinor(1, 1);
        ledger.ok(OFFICER, Subject.class, "subject:FlagMissing", subject.subjectId());
        ledger.ok(GUARD, Subject.class, "crossing:RecordScan", json(new RecordScanCommand(subject.subjectId(), POST)));
        return ledger.lastEvent().alert();
    }

    @Test
    void an_analyst_acknowledges_an_alert_which_then_leaves_the_open_list() {
        final Alert alert = missingChildScanned();

        final Alert acknowledged = ledger.ok(ANALYST, Alert.class, "alert:AcknowledgeAlert",
                json(new AcknowledgeAlertCommand(alert.alertId(), AlertResolution.CHILD_SAFE)));

        assertThat(acknowledged.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(acknowledged.acknowledgement().acknowledgedBy()).isEqualTo("ChildProtectionMSP/analyst-01");
        assertThat(ledger.lastEvent().type()).isEqualTo(EventType.ALERT_ACKNOWLEDGED);
        assertThat(ledger.ok(CHILD_PROTECTION_NO_ROLE, Alert.class, "alert:ReadAlert", alert.alertId()))
                .isEqualTo(acknowledged);
        assertThat(ledger.okList(ANALYST, Alert.class, "alert:ListOpenAlerts")).isEmpty();
    }

    @Test
    void an_alert_is_acknowledged_once() {
        final Alert alert = missingChildScanned();
        final String command = json(new AcknowledgeAlertCommand(alert.alertId(), AlertResolution.CASE_OPENED));
        ledger.ok(ANALYST, Alert.class, "alert:AcknowledgeAlert", command);

        assertThat(ledger.refusal(ANALYST, "alert:AcknowledgeAlert", command))
                .isEqualTo(ErrorCode.ALERT_ALREADY_ACKNOWLEDGED);
    }

    @Test
    void open_alerts_are_listed_oldest_first() {
        final Alert first = missingChildScanned();
        ledger.advance(java.time.Duration.ofMinutes(1));
        final Alert second = missingChildScanned();

        assertThat(ledger.okList(ANALYST, Alert.class, "alert:ListOpenAlerts")).containsExactly(first, second);
    }

    @Test
    void refuses_bad_input_and_unknown_alerts() {
        assertThat(ledger.refusal(ANALYST, "alert:AcknowledgeAlert",
                        "{\"alertId\":\"0000000000000000\",\"resolution\":\"IGNORED\"}"))
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(ledger.refusal(ANALYST, "alert:AcknowledgeAlert",
                        json(new AcknowledgeAlertCommand("0000000000000000", AlertResolution.FALSE_POSITIVE))))
                .isEqualTo(ErrorCode.ALERT_NOT_FOUND);
        assertThat(ledger.refusal(ANALYST, "alert:ReadAlert", "no")).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(ledger.refusal(ANALYST, "alert:ReadAlert", "0000000000000000")).isEqualTo(ErrorCode.ALERT_NOT_FOUND);
    }
}
