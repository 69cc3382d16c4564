package org.safepassage.gateway.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.safepassage.gateway.support.TestLedger.enrolled;
import static org.safepassage.gateway.support.TestLedger.id;
import static org.safepassage.gateway.support.TestLedger.image;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.client.LedgerConflictException;
import org.safepassage.chaincode.client.TransactionInvalidException;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.gateway.ledger.PostLedgers;
import org.safepassage.gateway.ledger.ScriptedCommits;
import org.safepassage.gateway.support.Api;
import org.safepassage.gateway.support.GatewayTestEnvironment;
import org.safepassage.gateway.support.People;
import org.safepassage.gateway.support.Terminals;
import org.safepassage.gateway.support.TestLedger;

/**
 * A scan of an active subject is answered once the orderer has accepted {@code RecordScan}; its commit is awaited in
 * the background. These tests script that commit ({@link ScriptedCommits}) and check what the scan service does when
 * it fails: a read conflict is resubmitted once, anything else (or a second failure) is logged without personal data
 * and counted in {@code safepassage_scan_unrecorded_total}, and the guard's answer is the same either way.
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestEnvironment.class)
class ScanCommitTest {
    private static final String UNRECORDED = "safepassage.scan.unrecorded";
    private static final String DOCUMENT_NUMBER = "QX7712345";
    private static final Duration IN_TIME = Duration.ofSeconds(20);

    @TestHTTPResource(value = "/", tls = true)
    URL base;

    @Inject
    MeterRegistry metrics;

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(final LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                final Object[] parameters = record.getParameters();
                logged.add(parameters == null || parameters.length == 0 ? record.getMessage()
                        : String.format(record.getMessage(), parameters));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private Api guard;
    private Subject survivor;
    private String finger;

    @BeforeEach
    void prepare() {
        guard = new Api(base, Terminals.guard(), People.guard());
        survivor = TestLedger.survivor();
        finger = image(id("commit"));
        enrolled(finger, survivor, "VERIFIED");
        Logger.getLogger(ScanService.class.getName()).addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger(ScanService.class.getName()).removeHandler(capture);
    }

    @Test
    void a_read_conflict_is_resubmitted_once_and_then_recorded() {
        final ScriptedCommits ledger = script(CompletableFuture<Void>::new, ScriptedCommits.Resubmission.THROUGH);
        final double unrecorded = unrecorded();

        final Api.Answer answer = scan();

        assertCleared(answer);
        assertThat(ledger.resubmitted()).as("answered before the commit's outcome").isZero();
        ledger.firstCommit().completeExceptionally(conflict());
        await().atMost(IN_TIME).until(() -> ledger.resubmissionsDone() == 1);
        assertThat(ledger.resubmitted()).isEqualTo(1);
        assertThat(ledger.submitted()).as("no further submission").isEqualTo(1);
        assertThat(unrecorded()).isEqualTo(unrecorded);
        assertThat(logged).isEmpty();
    }

    @Test
    void a_second_read_conflict_is_counted_and_logged_without_personal_data() {
        final ScriptedCommits ledger = script(CompletableFuture<Void>::new, real -> {
            throw conflict();
        });
        final double unrecorded = unrecorded();

        final Api.Answer answer = guard.post("/api/v1/scans", Map.of("images", List.of(finger), "direction", "EXIT",
                "companion", Map.of("documentType", "PASSPORT", "documentNumber", DOCUMENT_NUMBER,
                        "nationality", "MDA")));

        assertCleared(answer);
        ledger.firstCommit().completeExceptionally(conflict());
        await().atMost(IN_TIME).until(() -> unrecorded() == unrecorded + 1);
        assertThat(ledger.resubmitted()).as("resubmitted exactly once").isEqualTo(1);
        assertThat(logged).singleElement().satisfies(line -> {
            assertThat(line).contains("MD-LEUSENI").contains("MVCC_READ_CONFLICT");
            assertThat(line).doesNotContain(DOCUMENT_NUMBER).doesNotContain(finger)
                    .doesNotContain(answer.body().path("companionRef").asText());
        });
    }

    @Test
    void another_validation_code_is_counted_without_a_resubmission() {
        final ScriptedCommits ledger = script(CompletableFuture<Void>::new, ScriptedCommits.Resubmission.THROUGH);
        final double unrecorded = unrecorded();

        final Api.Answer answer = scan();

        assertCleared(answer);
        ledger.firstCommit().completeExceptionally(new TransactionInvalidException(
                "scripted-tx", TxValidationCode.ENDORSEMENT_POLICY_FAILURE, null));
        await().atMost(IN_TIME).until(() -> unrecorded() == unrecorded + 1);
        assertThat(ledger.resubmitted()).isZero();
        assertThat(logged).singleElement().satisfies(line -> assertThat(line)
                .contains("ENDORSEMENT_POLICY_FAILURE").contains("MD-LEUSENI").doesNotContain(finger));
    }

    @Test
    void a_commit_that_failed_before_the_answer_does_not_hold_the_answer_up() throws Exception {
        // The commit's outcome can be known before the scan service looks at it; its resubmission is then still
        // none of the guard's business. Here the resubmission waits until the answer has arrived.
        final CountDownLatch answered = new CountDownLatch(1);
        final ScriptedCommits ledger = script(() -> CompletableFuture.failedFuture(conflict()), real -> {
            try {
                answered.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return real.get();
        });

        final Api.Answer answer = scan();
        final int resubmissionsDoneWhenAnswered = ledger.resubmissionsDone();
        answered.countDown();

        assertCleared(answer);
        assertThat(resubmissionsDoneWhenAnswered).as("the answer did not wait for the resubmission").isZero();
        await().atMost(IN_TIME).until(() -> ledger.resubmissionsDone() == 1);
    }

    private ScriptedCommits script(final java.util.function.Supplier<CompletableFuture<Void>> firstCommit,
            final ScriptedCommits.Resubmission resubmission) {
        final ScriptedCommits ledger = ScriptedCommits.of(survivor.subjectId(), firstCommit.get(), resubmission);
        QuarkusMock.installMockForType(ledger, PostLedgers.class);
        return ledger;
    }

    private Api.Answer scan() {
        return guard.post("/api/v1/scans", Map.of("images", List.of(finger), "direction", "EXIT"));
    }

    private void assertCleared(final Api.Answer answer) {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("decision").asText()).isEqualTo("CLEAR");
        assertThat(answer.body().path("reason").asText()).isEqualTo("NOT_PROTECTED");
        assertThat(answer.body().path("subjectId").asText()).isEqualTo(survivor.subjectId());
    }

    private double unrecorded() {
        return metrics.counter(UNRECORDED).count();
    }

    private static LedgerConflictException conflict() {
        return new LedgerConflictException(id("scripted-tx"), TxValidationCode.MVCC_READ_CONFLICT, null);
    }
}
