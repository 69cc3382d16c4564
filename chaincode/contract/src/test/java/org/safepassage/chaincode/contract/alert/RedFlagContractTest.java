package org.safepassage.chaincode.contract.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.chaincode.contract.TestLedger.ANALYST;
import static org.safepassage.chaincode.contract.TestLedger.ANALYTICS;
import static org.safepassage.chaincode.contract.TestLedger.DPO;
import static org.safepassage.chaincode.contract.TestLedger.POST;
import static org.safepassage.chaincode.contract.TestLedger.json;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.contract.TestLedger;
import org.safepassage.chaincode.model.AcknowledgeAlertCommand;
import org.safepassage.chaincode.model.Alert;
import org.safepassage.chaincode.model.AlertResolution;
import org.safepassage.chaincode.model.AlertStatus;
import org.safepassage.chaincode.model.AlertType;
import org.safepassage.chaincode.model.EraseSubjectCommand;
import org.safepassage.chaincode.model.ErasureTombstone;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.chaincode.model.RedFlagCommand;
import org.safepassage.chaincode.model.RedFlagEvidence;
import org.safepassage.chaincode.model.RedFlagRule;
import org.safepassage.chaincode.model.Subject;

class RedFlagContractTest {
    private final TestLedger ledger = new TestLedger();

    private RedFlagCommand hit(final Subject subject, final String... transactionIds) {
        return new RedFlagCommand(RedFlagRule.POST_SHOPPING, subject.subjectId(), POST, java.util.Arrays
                .stream(transactionIds)
                .map(tx -> new RedFlagEvidence(tx, subject.subjectId(), EventType.SUBJECT_SCANNED))
                .toList());
    }

    @Test
    void the_analytics_raise_a_red_flag_whose_id_is_derived_from_the_evidence() {
        final Subject subject = ledger.registerMinor(1, 1);
        final RedFlagCommand command = hit(subject, "tx-first-0001", "tx-second-0002");

        final Alert alert = ledger.ok(ANALYTICS, Alert.class, "alert:RaiseRedFlag", json(command));

        assertThat(alert.alertId()).isEqualTo(command.alertId()).startsWith("redflag-");
        assertThat(alert.type()).isEqualTo(AlertType.RED_FLAG);
        assertThat(alert.rule()).isEqualTo(RedFlagRule.POST_SHOPPING);
        assertThat(alert.evidence()).isEqualTo(command.evidence());
        assertThat(alert.raisedAt()).isEqualTo(ledger.now());
        assertThat(ledger.lastEvent().type()).isEqualTo(EventType.RED_FLAG_RAISED);
        assertThat(ledger.lastEvent().alert()).isEqualTo(alert);
        assertThat(ledger.okList(ANALYST, Alert.class, "alert:ListOpenAlerts")).containsExactly(alert);
    }

    @Test
    void the_same_hit_raised_again_in_another_order_writes_nothing() {
        final Subject subject = ledger.registerMinor(1, 1);
        final Alert first = ledger.ok(ANALYTICS, Alert.class, "alert:RaiseRedFlag",
                json(hit(subject, "tx-first-0001", "tx-second-0002")));
        ledger.advance(java.time.Duration.ofHours(1));

        final Alert again = ledger.ok(ANALYTICS, Alert.class, "alert:RaiseRedFlag",
                json(hit(subject, "tx-second-0002", "tx-first-0001")));

        assertThat(again).isEqualTo(first);
        assertThat(ledger.lastEmittedNothing()).isTrue();
        assertThat(ledger.okList(ANALYST, Alert.class, "alert:ListOpenAlerts")).containsExactly(first);
    }

    @Test
    void an_acknowledged_red_flag_raised_again_stays_acknowledged() {
        final Subject subject = ledger.registerMinor(1, 1);
        final RedFlagCommand command = hit(subject, "tx-first-0001");
        final Alert alert = ledger.ok(ANALYTICS, Alert.class, "alert:RaiseRedFlag", json(command));
        ledger.ok(ANALYST, Alert.class, "alert:AcknowledgeAlert",
                json(new AcknowledgeAlertCommand(alert.alertId(), AlertResolution.FALSE_POSITIVE)));

        final Alert again = ledger.ok(ANALYTICS, Alert.class, "alert:RaiseRedFlag", json(command));

        assertThat(again.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(ledger.okList(ANALYST, Alert.class, "alert:ListOpenAlerts")).isEmpty();
    }

    @Test
    void a_different_rule_or_evidence_is_a_different_alert() {
        final Subject subject = ledger.registerMinor(1, 1);
        final RedFlagCommand command = hit(subject, "tx-first-0001");

        assertThat(new RedFlagCommand(RedFlagRule.FREQUENT_EXITS, command.subjectId(), null, command.evidence())
                .alertId()).isNotEqualTo(command.alertId());
        assertThat(hit(subject, "tx-first-0001", "tx-other-0003").alertId()).isNotEqualTo(command.alertId());
    }

    @Test
    void refuses_unknown_and_erased_subjects_and_bad_evidence() {
        final Subject subject = ledger.registerMinor(1, 1);
        ledger.ok(DPO, ErasureTombstone.class, "subject:EraseSubject",
                json(new EraseSubjectCommand(subject.subjectId(), "erasure-request-0001")));

        assertThat(ledger.refusal(ANALYTICS, "alert:RaiseRedFlag", json(hit(subject, "tx-first-0001"))))
                .isEqualTo(ErrorCode.SUBJECT_ERASED);
        assertThat(ledger.refusal(ANALYTICS, "alert:RaiseRedFlag",
                "{\"rule\":\"POST_SHOPPING\",\"subjectId\":\"" + subject.subjectId() + "\",\"evidence\":[]}"))
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        final String twice = json(hit(subject, "tx-first-0001")).replace("]", ",{\"event\":\"SUBJECT_SCANNED\","
                + "\"subjectId\":\"" + subject.subjectId() + "\",\"transactionId\":\"tx-first-0001\"}]");
        assertThat(ledger.refusal(ANALYTICS, "alert:RaiseRedFlag", twice)).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(List.of(ledger.refusal(ANALYTICS, "alert:RaiseRedFlag", json(new RedFlagCommand(
                RedFlagRule.POST_SHOPPING, "subject-never-registered-01", null,
                List.of(new RedFlagEvidence("tx-first-0001", "subject-never-registered-01", EventType.SUBJECT_SCANNED)))))))
                .containsExactly(ErrorCode.SUBJECT_NOT_FOUND);
    }
}
