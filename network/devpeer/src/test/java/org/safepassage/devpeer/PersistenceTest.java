package org.safepassage.devpeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.hyperledger.fabric.client.Commit;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.ledger.sim.Identity;

class PersistenceTest {
    private final Identity officer = TestNetwork.user("RegistryMSP", "officer");

    @TempDir
    Path data;

    @Test
    void a_restart_recovers_state_transaction_index_and_block_height() throws Exception {
        final RegisterSubjectCommand command = Commands.minor(2, 2);
        final byte[] commitBytes;
        final byte[] commitDigest;
        final long height;
        final long blockNumber;
        try (DevPeer peer = TestNetwork.startPeer(data); TestNetwork network = new TestNetwork(peer.port())) {
            network.chaincode(officer).subjects().register(command);
            final SubmittedTransaction submitted = contract(network.connect(officer)).newProposal("subject:FlagMissing")
                    .addArguments(command.subjectId()).build().endorse().submitAsync();
            blockNumber = submitted.getStatus().getBlockNumber();
            commitBytes = submitted.getBytes();
            commitDigest = submitted.getDigest();
            height = peer.height();
        }

        try (DevPeer peer = TestNetwork.startPeer(data); TestNetwork network = new TestNetwork(peer.port())) {
            assertThat(peer.height()).isEqualTo(height);
            final Subject subject = network.chaincode(officer).subjects().read(command.subjectId());
            assertThat(subject.status().name()).isEqualTo("FLAGGED_MISSING");
            final Gateway gateway = network.connect(officer);
            final Commit commit = gateway.newSignedCommit(commitBytes,
                    Signers.newPrivateKeySigner(officer.privateKey()).sign(commitDigest));
            assertThat(commit.getStatus().getCode()).isEqualTo(TxValidationCode.VALID);
            assertThat(commit.getStatus().getBlockNumber()).isEqualTo(blockNumber);
            network.chaincode(officer).subjects().unflagMissing(command.subjectId());
            assertThat(peer.height()).isEqualTo(height + 1);
        }
    }

    @Test
    void the_same_transaction_submitted_twice_is_committed_once_and_then_marked_duplicate() throws Exception {
        final String txId;
        try (DevPeer peer = TestNetwork.startPeer(data); TestNetwork network = new TestNetwork(peer.port())) {
            final Gateway gateway = network.connect(officer);
            final var endorsed = contract(gateway).newProposal("subject:RegisterSubject")
                    .addArguments(CanonicalJson.toJson(Commands.minor(1, 1))).build().endorse();
            final byte[] signature = Signers.newPrivateKeySigner(officer.privateKey()).sign(endorsed.getDigest());
            txId = endorsed.getTransactionId();
            assertThat(endorsed.submitAsync().getStatus().getCode()).isEqualTo(TxValidationCode.VALID);

            final var again = gateway.newSignedTransaction(endorsed.getBytes(), signature).submitAsync();

            assertThat(again.getStatus().getCode()).isEqualTo(TxValidationCode.VALID); // the index keeps the first
            final long height = peer.height();
            while (peer.height() == height) {
                network.chaincode(officer).subjects().register(Commands.minor(1, 1)); // flush the duplicate's block
            }
        }
        final List<TxValidationCode> codes = new java.util.ArrayList<>();
        try (BlockStore store = BlockStore.open(data)) {
            for (Block block : store.recovered().subList(1, store.recovered().size())) {
                for (int i = 0; i < block.getData().getDataCount(); i++) {
                    final var tx = OrderedTransaction.parse(
                            org.hyperledger.fabric.protos.common.Envelope.parseFrom(block.getData().getData(i)));
                    if (tx.txId().equals(txId)) {
                        codes.add(Blocks.validationCodes(block).get(i));
                    }
                }
            }
        }
        assertThat(codes).containsExactly(TxValidationCode.VALID, TxValidationCode.DUPLICATE_TXID);
    }

    @Test
    void a_torn_last_record_is_cut_off_and_the_ledger_keeps_working() throws Exception {
        final RegisterSubjectCommand command = Commands.minor(1, 1);
        try (DevPeer peer = TestNetwork.startPeer(data); TestNetwork network = new TestNetwork(peer.port())) {
            network.chaincode(officer).subjects().register(command);
        }
        final Path log = data.resolve(BlockStore.FILE_NAME);
        final long intact = Files.size(log);
        Files.write(log, ByteBuffer.allocate(12).putInt(4096).putInt(7).putInt(42).array(), StandardOpenOption.APPEND);

        try (DevPeer peer = TestNetwork.startPeer(data); TestNetwork network = new TestNetwork(peer.port())) {
            assertThat(Files.size(log)).isEqualTo(intact);
            assertThat(network.chaincode(officer).subjects().read(command.subjectId()).subjectId())
                    .isEqualTo(command.subjectId());
            network.chaincode(officer).subjects().register(Commands.minor(1, 1));
        }
        try (BlockStore store = BlockStore.open(data)) {
            assertThat(store.recovered()).hasSize(3);
        }
    }

    @Test
    void damage_before_the_last_record_stops_the_start() throws Exception {
        try (DevPeer peer = TestNetwork.startPeer(data); TestNetwork network = new TestNetwork(peer.port())) {
            network.chaincode(officer).subjects().register(Commands.minor(1, 1));
            network.chaincode(officer).subjects().register(Commands.minor(1, 1));
        }
        final Path log = data.resolve(BlockStore.FILE_NAME);
        final byte[] bytes = Files.readAllBytes(log);
        bytes[40] ^= 0x01; // inside the genesis block
        Files.write(log, bytes);

        assertThatThrownBy(() -> TestNetwork.startPeer(data)).isInstanceOf(IOException.class)
                .hasMessageContaining("damaged");
    }

    @Test
    void a_log_whose_hash_chain_is_broken_is_refused() throws Exception {
        try (BlockStore store = BlockStore.open(data)) {
            final Block genesis = Blocks.genesis(TestNetwork.CHANNEL);
            store.append(genesis);
            store.append(Blocks.build(1, new byte[32], List.of(), List.of()));
        }

        assertThatThrownBy(() -> TestNetwork.startPeer(data)).isInstanceOf(IOException.class)
                .hasMessageContaining("does not chain");
    }

    @Test
    void block_headers_hash_as_fabric_encodes_them_in_asn1() {
        final BlockHeader header = BlockHeader.newBuilder().setNumber(1)
                .setPreviousHash(com.google.protobuf.ByteString.copyFrom(new byte[] {1, 2}))
                .setDataHash(com.google.protobuf.ByteString.copyFrom(new byte[] {3})).build();

        assertThat(Blocks.headerBytes(header)).containsExactly(
                0x30, 0x0a, 0x02, 0x01, 0x01, 0x04, 0x02, 0x01, 0x02, 0x04, 0x01, 0x03);
    }

    private static Contract contract(final Gateway gateway) {
        return gateway.getNetwork(TestNetwork.CHANNEL).getContract("safepassage");
    }
}
