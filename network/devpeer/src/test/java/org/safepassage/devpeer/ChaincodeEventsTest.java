package org.safepassage.devpeer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.InMemoryCheckpointer;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.chaincode.client.EventStream;
import org.safepassage.chaincode.client.ReceivedEvent;
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.ledger.sim.Identity;

class ChaincodeEventsTest {
    @TempDir
    static Path data;

    private static DevPeer peer;
    private static TestNetwork network;
    private static Identity officer;
    private static Identity notifier;

    @BeforeAll
    static void start() throws Exception {
        peer = TestNetwork.startPeer(data);
        network = new TestNetwork(peer.port());
        officer = TestNetwork.user("RegistryMSP", "officer");
        notifier = TestNetwork.user("ChildProtectionMSP", "notifier");
    }

    @AfterAll
    static void stop() throws Exception {
        network.close();
        peer.close();
    }

    @Test
    void a_checkpointed_stream_resumes_without_gaps_or_duplicates_even_inside_a_block() throws Exception {
        final long firstBlock = peer.height();
        final List<String> txIds = new ArrayList<>(submitTogether(3));
        final InMemoryCheckpointer checkpointer = new InMemoryCheckpointer();
        final List<String> seen = new ArrayList<>();

        try (EventStream events = network.chaincode(notifier).events().resume(checkpointer, firstBlock)) {
            for (int i = 0; i < 2; i++) {
                final ReceivedEvent event = events.next();
                assertThat(event.type()).isEqualTo(EventType.SUBJECT_REGISTERED);
                seen.add(event.transactionId());
                events.checkpoint(event);
            }
        }
        txIds.addAll(submitTogether(2));
        try (EventStream events = network.chaincode(notifier).events().resume(checkpointer)) {
            for (int i = 0; i < 3; i++) {
                final ReceivedEvent event = events.next();
                seen.add(event.transactionId());
                events.checkpoint(event);
            }
        }

        assertThat(seen).containsExactlyInAnyOrderElementsOf(txIds).doesNotHaveDuplicates();
        assertThat(seen.subList(0, 3)).containsExactlyInAnyOrderElementsOf(txIds.subList(0, 3));
    }

    @Test
    void events_come_per_block_with_the_block_number_and_only_from_valid_transactions() throws Exception {
        final Network channel = network.connect(officer).getNetwork(TestNetwork.CHANNEL);
        final Contract contract = channel.getContract("safepassage");
        final long start = peer.height();
        final var subject = Commands.minor(1, 1);
        final var registered = contract.newProposal("subject:RegisterSubject")
                .addArguments(CanonicalJson.toJson(subject)).build().endorse();
        final var again = contract.newProposal("subject:FlagMissing").addArguments(subject.subjectId());
        final SubmittedTransaction first = registered.submitAsync();
        final long block = first.getStatus().getBlockNumber();
        final var flag1 = again.build().endorse();
        final var flag2 =
                contract.newProposal("subject:FlagMissing").addArguments(subject.subjectId()).build().endorse();
        final long flagged = flag1.submitAsync().getStatus().getBlockNumber();
        flag2.submitAsync().getStatus(); // conflicts: no event may come from it

        try (CloseableIterator<ChaincodeEvent> events = channel.newChaincodeEventsRequest("safepassage")
                .startBlock(start).build().getEvents()) {
            final ChaincodeEvent registeredEvent = events.next();
            final ChaincodeEvent flaggedEvent = events.next();
            assertThat(registeredEvent.getTransactionId()).isEqualTo(first.getTransactionId());
            assertThat(registeredEvent.getBlockNumber()).isEqualTo(block);
            assertThat(registeredEvent.getEventName()).isEqualTo("SubjectRegistered");
            assertThat(flaggedEvent.getTransactionId()).isEqualTo(flag1.getTransactionId());
            assertThat(flaggedEvent.getBlockNumber()).isEqualTo(flagged);
        }
        final long height = peer.height();
        try (CloseableIterator<ChaincodeEvent> events = channel.newChaincodeEventsRequest("safepassage")
                .startBlock(flagged + 1).build().getEvents()) {
            contract.submitTransaction("subject:RegisterSubject", CanonicalJson.toJson(Commands.minor(1, 1)));
            assertThat(events.next().getBlockNumber()).isGreaterThanOrEqualTo(height);
        }
    }

    private static List<String> submitTogether(final int count) throws Exception {
        final Contract contract = network.connect(officer).getNetwork(TestNetwork.CHANNEL).getContract("safepassage");
        final List<SubmittedTransaction> submitted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            submitted.add(contract.newProposal("subject:RegisterSubject")
                    .addArguments(CanonicalJson.toJson(Commands.minor(1, 1))).build().endorse().submitAsync());
        }
        final List<String> txIds = new ArrayList<>();
        for (SubmittedTransaction transaction : submitted) {
            assertThat(transaction.getStatus().isSuccessful()).isTrue();
            txIds.add(transaction.getTransactionId());
        }
        return txIds;
    }
}
