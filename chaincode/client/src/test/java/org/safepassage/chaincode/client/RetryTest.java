package org.safepassage.chaincode.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.safepassage.chaincode.client.GatewayErrors.commitFailed;
import static org.safepassage.chaincode.client.GatewayErrors.endorsementRefused;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.ErrorCode;

class RetryTest {
    static LedgerConflictException conflict(final int n) {
        return new LedgerConflictException("tx-conflict-" + n, TxValidationCode.MVCC_READ_CONFLICT, null);
    }

    /** Fails with the given exceptions in turn, then returns "done"; counts its calls. */
    static final class Flaky implements Supplier<String> {
        final AtomicInteger calls = new AtomicInteger();
        private final List<RuntimeException> failures;

        Flaky(final RuntimeException... failures) {
            this.failures = List.of(failures);
        }

        @Override
        public String get() {
            final int call = calls.getAndIncrement();
            if (call < failures.size()) {
                throw failures.get(call);
            }
            return "done";
        }
    }

    @Nested
    class Submitting {
        @Test
        void runs_once_when_there_is_no_conflict() {
            final Flaky call = new Flaky();

            assertThat(Retry.onConflict(3).submit(call)).isEqualTo("done");
            assertThat(call.calls).hasValue(1);
        }

        @Test
        void runs_again_after_conflicts_until_it_succeeds() {
            final Flaky call = new Flaky(conflict(1), conflict(2));

            assertThat(Retry.onConflict(3).submit(call)).isEqualTo("done");
            assertThat(call.calls).hasValue(3);
        }

        @Test
        void gives_up_after_the_last_attempt_with_the_earlier_conflicts_suppressed() {
            final LedgerConflictException first = conflict(1);
            final LedgerConflictException second = conflict(2);
            final LedgerConflictException last = conflict(3);
            final Flaky call = new Flaky(first, second, last);

            final LedgerConflictException e =
                    catchThrowableOfType(LedgerConflictException.class, () -> Retry.onConflict(3).submit(call));

            assertThat(e).isSameAs(last);
            assertThat(e.getSuppressed()).containsExactly(first, second);
            assertThat(call.calls).hasValue(3);
        }

        @Test
        void does_not_retry_a_refusal_or_any_other_failure() {
            final ChaincodeRefusedException refusal =
                    new ChaincodeRefusedException(ErrorCode.REQUEST_NOT_PENDING, "request is approved", "tx-1", null);
            final Flaky call = new Flaky(refusal);

            assertThatThrownBy(() -> Retry.onConflict(5).submit(call)).isSameAs(refusal);
            assertThat(call.calls).hasValue(1);
        }

        @Test
        void resubmits_a_guardian_decision_through_the_client_as_a_new_transaction() {
            final ScriptedLedger ledger = new ScriptedLedger()
                    .fails(commitFailed(GatewayErrors.TX_ID, TxValidationCode.MVCC_READ_CONFLICT))
                    .returns(Records.request());
            final Crossings crossings = ledger.client().crossings();

            final CrossingRequest request = Retry.onConflict(2).submit(() -> crossings.recordDecision(Records.decision()));

            assertThat(request).isEqualTo(Records.request());
            assertThat(ledger.calls).hasSize(2).allSatisfy(call -> assertThat(call.transaction())
                    .isEqualTo("RecordGuardianDecision"));
        }

        @Test
        void a_refusal_after_a_conflict_ends_the_retries() {
            final ScriptedLedger ledger = new ScriptedLedger()
                    .fails(commitFailed(GatewayErrors.TX_ID, TxValidationCode.MVCC_READ_CONFLICT))
                    .fails(new EndorseException(GatewayErrors.TX_ID,
                            endorsementRefused("REQUEST_NOT_PENDING: request is APPROVED")));
            final Crossings crossings = ledger.client().crossings();

            assertThatThrownBy(() -> Retry.onConflict(5).submit(() -> crossings.recordDecision(Records.decision())))
                    .isInstanceOfSatisfying(ChaincodeRefusedException.class,
                            e -> assertThat(e.getCode()).isEqualTo(ErrorCode.REQUEST_NOT_PENDING));
            assertThat(ledger.calls).hasSize(2);
        }
    }

    @Nested
    class Waiting {
        @Test
        void retries_at_once_by_default() {
            final List<Duration> waits = new ArrayList<>();

            Retry.onConflict(3).withSleeper(waits::add).submit(new Flaky(conflict(1), conflict(2)));

            assertThat(waits).isEmpty();
        }

        @Test
        void waits_a_random_time_growing_with_each_attempt() {
            final List<Duration> waits = new ArrayList<>();

            Retry.onConflict(3).withBackoff(Duration.ofMillis(10)).withSleeper(waits::add)
                    .submit(new Flaky(conflict(1), conflict(2)));

            assertThat(waits).hasSize(2);
            assertThat(waits.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(10));
            assertThat(waits.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(20));
        }

        @Test
        void an_interrupted_wait_stops_with_the_conflict_and_keeps_the_interrupt() {
            final LedgerConflictException first = conflict(1);
            final Flaky call = new Flaky(first);
            final Retry retry = Retry.onConflict(3).withBackoff(Duration.ofMillis(10)).withSleeper(duration -> {
                throw new InterruptedException();
            });

            try {
                assertThatThrownBy(() -> retry.submit(call)).isSameAs(first);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
                assertThat(call.calls).hasValue(1);
            } finally {
                Thread.interrupted();
            }
        }

        @Test
        void rejects_fewer_than_one_attempt_and_negative_or_huge_backoffs() {
            assertThatThrownBy(() -> Retry.onConflict(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Retry.onConflict(1).withBackoff(Duration.ofMillis(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Retry.onConflict(1).withBackoff(Duration.ofHours(1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
