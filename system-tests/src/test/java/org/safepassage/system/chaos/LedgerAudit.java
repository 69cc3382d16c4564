package org.safepassage.system.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.safepassage.chaincode.client.LedgerConnection;
import org.safepassage.chaincode.client.LedgerGateway;

/**
 * The whole ledger as a client reads it, block by block through the peer's Deliver service (what Fabric's
 * {@code peer channel fetch} and the gateway client's block events use), checked independently of the peer: every
 * block's number follows the last, its previous hash is SHA-256 of the previous header's ASN.1 DER (protoutil's
 * BlockHeaderHash), its data hash is SHA-256 of its envelopes, and it has one validation code per transaction. The
 * chaincode events of valid transactions are counted by name and subject.
 */
public final class LedgerAudit {
    private static final ObjectMapper JSON = new ObjectMapper();
    /* The ledger is quiet after the load: no block this long after the last one means it was the newest. */
    private static final long QUIET_SECONDS = 5;

    private final Map<String, Integer> events = new HashMap<>();
    private int blocks;
    private int validTransactions;
    private int eventCount;

    private LedgerAudit() {}

    /** Reads and verifies every block; throws {@link IllegalStateException} naming the first broken link. */
    public static LedgerAudit read(final Path connectionFile) throws Exception {
        final LedgerAudit audit = new LedgerAudit();
        try (LedgerGateway reader = LedgerGateway.connect(LedgerConnection.read(connectionFile), "ChildProtectionMSP",
                "notifier")) {
            final BlockingQueue<Block> delivered = new LinkedBlockingQueue<>();
            final CloseableIterator<Block> stream = reader.network().newBlockEventsRequest().startBlock(0).build()
                    .getEvents();
            final Thread pump = new Thread(() -> {
                try {
                    stream.forEachRemaining(delivered::add);
                } catch (RuntimeException e) {
                    // closed below once the ledger is read
                }
            }, "ledger-audit");
            pump.setDaemon(true);
            pump.start();
            try {
                Block previous = null;
                Block block;
                while ((block = delivered.poll(QUIET_SECONDS, TimeUnit.SECONDS)) != null) {
                    audit.verifyLink(previous, block);
                    audit.count(block);
                    previous = block;
                }
            } finally {
                stream.close();
            }
            if (audit.blocks == 0) {
                throw new IllegalStateException("the peer delivered no block");
            }
        }
        return audit;
    }

    /** Blocks read, the genesis block included. */
    public int blocks() {
        return blocks;
    }

    /** Transactions marked VALID in their block's metadata. */
    public int validTransactions() {
        return validTransactions;
    }

    /** Chaincode events of valid transactions. */
    public int events() {
        return eventCount;
    }

    /** How many valid transactions emitted the event {@code name} for {@code subjectId}. */
    public int count(final String name, final String subjectId) {
        return events.getOrDefault(name + " " + subjectId, 0);
    }

    /** Every subject registered more than once. */
    public List<String> subjectsRegisteredTwice() {
        return events.entrySet().stream().filter(e -> e.getKey().startsWith("SubjectRegistered ") && e.getValue() > 1)
                .map(Map.Entry::getKey).sorted().toList();
    }

    private void verifyLink(final Block previous, final Block block) {
        final BlockHeader header = block.getHeader();
        final long expected = previous == null ? 0 : previous.getHeader().getNumber() + 1;
        if (header.getNumber() != expected) {
            throw new IllegalStateException("block " + header.getNumber() + " delivered where " + expected + " belongs");
        }
        final byte[] previousHash = previous == null ? new byte[0] : sha256(der(previous.getHeader()));
        if (!MessageDigest.isEqual(previousHash, header.getPreviousHash().toByteArray())) {
            throw new IllegalStateException("block " + expected + " does not chain to block " + (expected - 1));
        }
        final MessageDigest data = digest();
        block.getData().getDataList().forEach(envelope -> data.update(envelope.toByteArray()));
        if (!MessageDigest.isEqual(data.digest(), header.getDataHash().toByteArray())) {
            throw new IllegalStateException("block " + expected + "'s transactions do not match its data hash");
        }
        if (filter(block).size() != block.getData().getDataCount()) {
            throw new IllegalStateException("block " + expected + " lacks a validation code per transaction");
        }
        blocks++;
    }

    private void count(final Block block) throws InvalidProtocolBufferException, IOException {
        final ByteString codes = filter(block);
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            if ((codes.byteAt(i) & 0xff) != TxValidationCode.VALID_VALUE) {
                continue;
            }
            final Payload payload = Payload.parseFrom(Envelope.parseFrom(block.getData().getData(i)).getPayload());
            if (ChannelHeader.parseFrom(payload.getHeader().getChannelHeader()).getType()
                    != HeaderType.ENDORSER_TRANSACTION_VALUE) {
                continue;
            }
            validTransactions++;
            for (var action : Transaction.parseFrom(payload.getData()).getActionsList()) {
                final ChaincodeEvent event = ChaincodeEvent.parseFrom(ChaincodeAction.parseFrom(
                        ProposalResponsePayload.parseFrom(ChaincodeActionPayload.parseFrom(action.getPayload())
                                .getAction().getProposalResponsePayload()).getExtension()).getEvents());
                if (!event.getEventName().isEmpty()) {
                    final JsonNode body = JSON.readTree(event.getPayload().toByteArray());
                    events.merge(event.getEventName() + " " + body.path("subjectId").asText(), 1, Integer::sum);
                    eventCount++;
                }
            }
        }
    }

    private static ByteString filter(final Block block) {
        return block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE);
    }

    private static byte[] der(final BlockHeader header) {
        try {
            return new DERSequence(new ASN1Encodable[] {new ASN1Integer(BigInteger.valueOf(header.getNumber())),
                new DEROctetString(header.getPreviousHash().toByteArray()),
                new DEROctetString(header.getDataHash().toByteArray())}).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode block header " + header.getNumber(), e);
        }
    }

    private static byte[] sha256(final byte[] bytes) {
        return digest().digest(bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
