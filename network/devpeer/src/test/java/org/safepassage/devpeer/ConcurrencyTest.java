package org.safepassage.devpeer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.chaincode.client.LedgerConflictException;
import org.safepassage.chaincode.client.SafePassageChaincode;
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.chaincode.model.ReplaceGuardiansCommand;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.ledger.sim.Identity;

class ConcurrencyTest {
    private static final int CLIENTS = 12;

    @TempDir
    static Path data;

    private static DevPeer peer;
    private static TestNetwork network;
    private static Identity officer;
    private static ExecutorService pool;

    @BeforeAll
    static void start() throws Exception {
        peer = TestNetwork.startPeer(data);
        network = new TestNetwork(peer.port());
        officer = TestNetwork.user("RegistryMSP", "officer");
        pool = Executors.newFixedThreadPool(CLIENTS);
    }

    @AfterAll
    static void stop() throws Exception {
        pool.shutdownNow();
        network.close();
        peer.close();
    }

    @Test
    void of_transactions_endorsed_on_the_same_version_exactly_one_commits_and_the_rest_conflict() throws Exception {
        final Subject subject = network.chaincode(officer).subjects().register(Commands.minor(1, 1));
        final Contract contract = network.connect(officer).getNetwork(TestNetwork.CHANNEL).getContract("safepassage");
        final List<Transaction> endorsed = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            endorsed.add(contract.newProposal("subject:ReplaceGuardians").addArguments(CanonicalJson.toJson(
                    new ReplaceGuardiansCommand(subject.subjectId(), List.of(Commands.newId("guardian")), 1)))
                    .build().endorse());
        }

        final List<Future<Status>> statuses = new ArrayList<>();
        for (Transaction transaction : endorsed) {
            statuses.add(pool.submit(() -> {
                final SubmittedTransaction submitted = transaction.submitAsync();
                return submitted.getStatus();
            }));
        }

        final List<TxValidationCode> codes = new ArrayList<>();
        for (Future<Status> status : statuses) {
            codes.add(status.get().getCode());
        }
        assertThat(codes).filteredOn(code -> code == TxValidationCode.VALID).hasSize(1);
        assertThat(codes).filteredOn(code -> code == TxValidationCode.MVCC_READ_CONFLICT).hasSize(CLIENTS - 1);
    }

    @Test
    void concurrent_clients_see_either_their_commit_or_a_retryable_conflict_through_the_typed_client()
            throws Exception {
        final Subject subject = network.chaincode(officer).subjects().register(Commands.minor(1, 1));
        final List<Callable<Object>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            final SafePassageChaincode chaincode = network.chaincode(officer);
            clients.add(() -> {
                try {
                    return chaincode.subjects().replaceGuardians(new ReplaceGuardiansCommand(
                            subject.subjectId(), List.of(Commands.newId("guardian")), 1));
                } catch (LedgerConflictException e) {
                    return e;
                }
            });
        }

        final List<Object> outcomes = new ArrayList<>();
        for (Future<Object> outcome : pool.invokeAll(clients)) {
            outcomes.add(outcome.get());
        }

        final List<Subject> committed = outcomes.stream().filter(Subject.class::isInstance).map(Subject.class::cast)
                .toList();
        assertThat(committed).isNotEmpty();
        assertThat(outcomes).filteredOn(LedgerConflictException.class::isInstance).allSatisfy(e -> assertThat(
                        ((LedgerConflictException) e).getValidationCode())
                .isEqualTo(TxValidationCode.MVCC_READ_CONFLICT));
        final Subject current = network.chaincode(officer).subjects().read(subject.subjectId());
        assertThat(committed).extracting(Subject::guardianRefs).contains(current.guardianRefs());
    }

    @Test
    void a_commit_exception_carries_the_conflict_code() throws Exception {
        final Subject subject = network.chaincode(officer).subjects().register(Commands.minor(1, 1));
        final Contract contract = network.connect(officer).getNetwork(TestNetwork.CHANNEL).getContract("safepassage");
        final Transaction first = contract.newProposal("subject:FlagMissing").addArguments(subject.subjectId())
                .build().endorse();
        final Transaction second = contract.newProposal("subject:FlagMissing").addArguments(subject.subjectId())
                .build().endorse();
        first.submit();

        final Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(second::submit);

        assertThat(thrown).isInstanceOfSatisfying(CommitException.class,
                e -> assertThat(e.getCode()).isEqualTo(TxValidationCode.MVCC_READ_CONFLICT));
    }
}
