package org.safepassage.chaincode.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.chaincode.contract.TestLedger.ANALYST;
import static org.safepassage.chaincode.contract.TestLedger.ANALYTICS;
import static org.safepassage.chaincode.contract.TestLedger.BORDER_SUPERVISOR;
import static org.safepassage.chaincode.contract.TestLedger.DPO;
import static org.safepassage.chaincode.contract.TestLedger.NOTIFIER;
import static org.safepassage.chaincode.contract.TestLedger.OFFICER;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.ledger.sim.Identity;

/**
 * Malformed arguments to every transaction, by a caller allowed to run it: each is refused with INVALID_ARGUMENT,
 * never an unexpected error, and nothing is committed.
 */
class MalformedArgumentsTest {
    private static final List<String> BAD_IDS =
            List.of("", " ", "x", "short", "has space in it!!", "../../../etc/passwd", "\u0000subject-0000000001",
                    "a".repeat(200));
    private static final List<String> BAD_COMMANDS =
            List.of("", "null", "{", "[]", "{}", "42", "\"text\"", "{\"subjectId\":null}");

    static Stream<Arguments> idTransactions() {
        return Stream.of(
                        tx(OFFICER, "subject:ReadSubject"),
                        tx(OFFICER, "subject:FlagMissing"),
                        tx(ANALYST, "subject:UnflagMissing"),
                        tx(OFFICER, "subject:ReadTombstone"),
                        tx(NOTIFIER, "crossing:ExpireCrossingRequest"),
                        tx(BORDER_SUPERVISOR, "crossing:CancelCrossingRequest"),
                        tx(NOTIFIER, "crossing:ReadCrossingRequest"),
                        tx(NOTIFIER, "crossing:ListCrossings"),
                        tx(NOTIFIER, "trip:ListTrips"),
                        tx(ANALYST, "alert:ReadAlert"))
                .flatMap(args -> BAD_IDS.stream().map(bad -> Arguments.of(args.get()[0], args.get()[1], bad)));
    }

    static Stream<Arguments> commandTransactions() {
        return Stream.of(
                        tx(OFFICER, "subject:RegisterSubject"),
                        tx(OFFICER, "subject:ReplaceGuardians"),
                        tx(OFFICER, "subject:RenewCommitment"),
                        tx(DPO, "subject:EraseSubject"),
                        tx(BORDER_SUPERVISOR, "crossing:RecordScan"),
                        tx(BORDER_SUPERVISOR, "crossing:OpenCrossingRequest"),
                        tx(NOTIFIER, "crossing:RecordGuardianDecision"),
                        tx(BORDER_SUPERVISOR, "crossing:RecordCrossing"),
                        tx(NOTIFIER, "trip:AuthoriseTrip"),
                        tx(NOTIFIER, "trip:RevokeTrip"),
                        tx(ANALYST, "alert:AcknowledgeAlert"),
                        tx(ANALYTICS, "alert:RaiseRedFlag"))
                .flatMap(args -> BAD_COMMANDS.stream().map(bad -> Arguments.of(args.get()[0], args.get()[1], bad)));
    }

    @ParameterizedTest(name = "{1} with id [{2}]")
    @MethodSource("idTransactions")
    void a_malformed_id_is_invalid_argument(final Identity caller, final String function, final String id) {
        assertThat(new TestLedger().refusal(caller, function, id)).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @ParameterizedTest(name = "{1} with [{2}]")
    @MethodSource("commandTransactions")
    void a_malformed_command_is_invalid_argument(final Identity caller, final String function, final String json) {
        assertThat(new TestLedger().refusal(caller, function, json)).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @ParameterizedTest(name = "FindSubjectByCommitment [{0}] [{1}]")
    @MethodSource("badCommitmentLookups")
    void a_malformed_commitment_lookup_is_invalid_argument(final String scheme, final String commitment) {
        assertThat(new TestLedger().refusal(OFFICER, "subject:FindSubjectByCommitment", scheme, commitment))
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    static Stream<Arguments> badCommitmentLookups() {
        return Stream.of(Arguments.of("", "ab".repeat(32)), Arguments.of("FP-V1", "ab".repeat(32)),
                Arguments.of("fp-v1", ""), Arguments.of("fp-v1", "AB".repeat(32)), Arguments.of("fp-v1", "ab"));
    }

    private static Arguments tx(final Identity caller, final String function) {
        return Arguments.of(caller, function);
    }
}
