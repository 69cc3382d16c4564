package org.safepassage.chaincode.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.safepassage.chaincode.client.Records.COMMITMENT;
import static org.safepassage.chaincode.client.Records.SUBJECT_ID;
import static org.safepassage.chaincode.client.ScriptedLedger.Intent.EVALUATE;
import static org.safepassage.chaincode.client.ScriptedLedger.Intent.SUBMIT;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hyperledger.fabric.client.Network;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Answers;
import org.safepassage.chaincode.client.ScriptedLedger.Call;
import org.safepassage.chaincode.client.ScriptedLedger.Intent;
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.chaincode.model.CommitmentScheme;

class SafePassageChaincodeTest {
    /** One client method: what it must send, and what it must make of the chaincode's answer. */
    record Case(String contract, String transaction, Intent intent, Function<SafePassageChaincode, Object> invoke,
            List<String> args, String resultJson, Object expected) {
        @Override
        public String toString() {
            return contract + ":" + transaction;
        }
    }

    static Case command(final String contract, final String transaction,
            final Function<SafePassageChaincode, Object> invoke, final Object command, final Object result) {
        return new Case(contract, transaction, SUBMIT, invoke, List.of(CanonicalJson.toJson(command)),
                CanonicalJson.toJson(result), result);
    }

    static Case query(final String contract, final String transaction, final Intent intent,
            final Function<SafePassageChaincode, Object> invoke, final List<String> args, final Object result) {
        return new Case(contract, transaction, intent, invoke, args, CanonicalJson.toJson(result), result);
    }

    static Case list(final String contract, final String transaction,
            final Function<SafePassageChaincode, Object> invoke, final List<String> args, final List<?> result) {
        final String json = result.stream().map(CanonicalJson::toJson).collect(Collectors.joining(",", "[", "]"));
        return new Case(contract, transaction, EVALUATE, invoke, args, json, result);
    }

    final ScriptedLedger ledger = new ScriptedLedger();
    final SafePassageChaincode chaincode = ledger.client();

    void calls_the_transaction_and_parses_its_result(final Case c) {
        ledger.returnsJson(c.resultJson());

        final Object result = c.invoke().apply(chaincode);

        assertThat(ledger.onlyCall()).isEqualTo(new Call(c.contract(), c.transaction(), c.args(), c.intent()));
        assertThat(result).isEqualTo(c.expected());
    }

    @Nested
    class Factory {
        @Test
        void uses_the_default_chaincode_name_and_one_contract_per_feature() {
            final Network network = mock(Network.class, Answers.RETURNS_MOCKS);

            final SafePassageChaincode client = SafePassageChaincode.of(network);

            assertThat(client.chaincodeName()).isEqualTo("safepassage");
            for (final String contract : List.of("subject", "crossing", "trip", "alert")) {
                verify(network).getContract("safepassage", contract);
            }
        }

        @Test
        void rejects_a_null_network_or_chaincode_name() {
            assertThatThrownBy(() -> SafePassageChaincode.of(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("network");
            assertThatThrownBy(() -> SafePassageChaincode.of(mock(Network.class), null))
                    .isInstanceOf(NullPointerException.class).hasMessage("chaincodeName");
        }

        @Test
        void rejects_a_blank_chaincode_name() {
            assertThatThrownBy(() -> SafePassageChaincode.of(mock(Network.class), " "))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void sends_commands_as_canonical_json_with_sorted_keys() {
            ledger.returns(Records.subject());

            chaincode.crossings().recordScan(Records.scan());

            assertThat(ledger.onlyCall().args())
                    .containsExactly("{\"post\":\"MD-LEUSENI\",\"subjectId\":\"subj-0001-aaaa-bbbb\"}");
        }

        @Test
        void rejects_null_arguments_before_calling_the_ledger() {
            assertThatThrownBy(() -> chaincode.subjects().register(null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> chaincode.subjects().read(null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> chaincode.subjects().findByCommitment(null, COMMITMENT))
                    .isInstanceOf(NullPointerException.class);
            assertThat(ledger.calls).isEmpty();
        }
    }

    @Nested
    class Subjects {
        static Stream<Case> cases() {
            final var subject = Records.subject();
            return Stream.of(
                    command("subject", "RegisterSubject", c -> c.subjects().register(Records.register()),
                            Records.register(), subject),
                    command("subject", "ReplaceGuardians", c -> c.subjects().replaceGuardians(Records.replaceGuardians()),
                            Records.replaceGuardians(), subject),
                    command("subject", "RenewCommitment", c -> c.subjects().renewCommitment(Records.renewCommitment()),
                            Records.renewCommitment(), subject),
                    query("subject", "FlagMissing", SUBMIT, c -> c.subjects().flagMissing(SUBJECT_ID),
                            List.of(SUBJECT_ID), subject),
                    query("subject", "UnflagMissing", SUBMIT, c -> c.subjects().unflagMissing(SUBJECT_ID),
                            List.of(SUBJECT_ID), subject),
                    command("subject", "EraseSubject", c -> c.subjects().erase(Records.erase()), Records.erase(),
                            Records.tombstone()),
                    query("subject", "ReadSubject", EVALUATE, c -> c.subjects().read(SUBJECT_ID), List.of(SUBJECT_ID),
                            subject),
                    query("subject", "ReadTombstone", EVALUATE, c -> c.subjects().readTombstone(SUBJECT_ID),
                            List.of(SUBJECT_ID), Records.tombstone()));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void calls_the_transaction_and_parses_its_result(final Case c) {
            SafePassageChaincodeTest.this.calls_the_transaction_and_parses_its_result(c);
        }

        @Test
        void finds_a_subject_by_scheme_id_and_commitment() {
            ledger.returns(Records.subject());

            assertThat(chaincode.subjects().findByCommitment(CommitmentScheme.FP_V1, COMMITMENT))
                    .contains(Records.subject());
            assertThat(ledger.onlyCall())
                    .isEqualTo(new Call("subject", "FindSubjectByCommitment", List.of("fp-v1", COMMITMENT), EVALUATE));
        }
    }

    @Nested
    class Crossings {
        static Stream<Case> cases() {
            final String requestId = Records.REQUEST_ID;
            return Stream.of(
                    command("crossing", "RecordScan", c -> c.crossings().recordScan(Records.scan()), Records.scan(),
                            Records.subject()),
                    command("crossing", "OpenCrossingRequest", c -> c.crossings().openRequest(Records.openRequest()),
                            Records.openRequest(), Records.request()),
                    command("crossing", "RecordGuardianDecision", c -> c.crossings().recordDecision(Records.decision()),
                            Records.decision(), Records.request()),
                    query("crossing", "ExpireCrossingRequest", SUBMIT, c -> c.crossings().expireRequest(requestId),
                            List.of(requestId), Records.request()),
                    query("crossing", "CancelCrossingRequest", SUBMIT, c -> c.crossings().cancelRequest(requestId),
                            List.of(requestId), Records.request()),
                    query("crossing", "ReadCrossingRequest", EVALUATE, c -> c.crossings().readRequest(requestId),
                            List.of(requestId), Records.request()),
                    command("crossing", "RecordCrossing", c -> c.crossings().recordCrossing(Records.recordCrossing()),
                            Records.recordCrossing(), Records.crossing()),
                    list("crossing", "ListCrossings", c -> c.crossings().listCrossings(SUBJECT_ID), List.of(SUBJECT_ID),
                            List.of(Records.crossing(), Records.crossing())),
                    list("crossing", "ListCrossings", c -> c.crossings().listCrossings(SUBJECT_ID), List.of(SUBJECT_ID),
                            List.of()));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void calls_the_transaction_and_parses_its_result(final Case c) {
            SafePassageChaincodeTest.this.calls_the_transaction_and_parses_its_result(c);
        }
    }

    @Nested
    class Trips {
        static Stream<Case> cases() {
            return Stream.of(
                    command("trip", "AuthoriseTrip", c -> c.trips().authorise(Records.authoriseTrip()),
                            Records.authoriseTrip(), Records.trip()),
                    command("trip", "RevokeTrip", c -> c.trips().revoke(Records.revokeTrip()), Records.revokeTrip(),
                            Records.trip()),
                    list("trip", "ListTrips", c -> c.trips().list(SUBJECT_ID), List.of(SUBJECT_ID),
                            List.of(Records.trip())));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void calls_the_transaction_and_parses_its_result(final Case c) {
            SafePassageChaincodeTest.this.calls_the_transaction_and_parses_its_result(c);
        }
    }

    @Nested
    class Alerts {
        static Stream<Case> cases() {
            return Stream.of(
                    command("alert", "AcknowledgeAlert", c -> c.alerts().acknowledge(Records.acknowledge()),
                            Records.acknowledge(), Records.alert()),
                    query("alert", "ReadAlert", EVALUATE, c -> c.alerts().read(Records.ALERT_ID),
                            List.of(Records.ALERT_ID), Records.alert()),
                    list("alert", "ListOpenAlerts", c -> c.alerts().listOpen(), List.of(), List.of(Records.alert())));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void calls_the_transaction_and_parses_its_result(final Case c) {
            SafePassageChaincodeTest.this.calls_the_transaction_and_parses_its_result(c);
        }
    }
}
