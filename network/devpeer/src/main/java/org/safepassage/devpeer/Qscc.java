package org.safepassage.devpeer;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.peer.ProcessedTransaction;
import org.hyperledger.fabric.protos.peer.Response;

/**
 * The peer's query system chaincode ({@code qscc}) over the devpeer's blocks: {@code GetChainInfo},
 * {@code GetBlockByNumber}, {@code GetBlockByHash}, {@code GetTransactionByID} and {@code GetBlockByTxID}, with the
 * arguments, answers and failure messages of Fabric's qscc. Its access rule (the channel's Readers) is met by every
 * member of the channel's organisations, which the endorser has already authenticated.
 */
final class Qscc {
    static final String NAME = "qscc";

    private final String channel;
    private final Ledger ledger;

    Qscc(final String channel, final Ledger ledger) {
        this.channel = channel;
        this.ledger = ledger;
    }

    /** Runs one qscc call: {@code function} then the channel and, except for GetChainInfo, one more argument. */
    Response invoke(final String function, final List<ByteString> args) {
        if (args.isEmpty()) {
            return error("Incorrect number of arguments, " + (args.size() + 1));
        }
        final String target = args.get(0).toStringUtf8();
        if (!function.equals("GetChainInfo") && args.size() < 2) {
            return error("missing 3rd argument for " + function);
        }
        if (!channel.equals(target)) {
            return error("Invalid chain ID, " + target);
        }
        return switch (function) {
            case "GetChainInfo" -> success(chainInfo().toByteString());
            case "GetBlockByNumber" -> blockByNumber(args.get(1).toStringUtf8());
            case "GetBlockByHash" -> found(ledger.blockByHeaderHash(args.get(1).toByteArray()),
                    "Failed to get block hash " + hex(args.get(1).toByteArray()) + ", error no such block hash");
            case "GetTransactionByID" -> transaction(args.get(1).toStringUtf8());
            case "GetBlockByTxID" -> found(ledger.committed(args.get(1).toStringUtf8())
                    .flatMap(status -> ledger.block(status.blockNumber())),
                    "Failed to get block for txID " + args.get(1).toStringUtf8() + ", error no such transaction ID ["
                            + args.get(1).toStringUtf8() + "] in index");
            default -> error("Requested function " + function + " not found.");
        };
    }

    /** Height, and the header hashes of the last block and of the one before it, as a peer's ledger reports them. */
    BlockchainInfo chainInfo() {
        final Block last = ledger.lastBlock();
        return BlockchainInfo.newBuilder()
                .setHeight(last.getHeader().getNumber() + 1)
                .setCurrentBlockHash(ByteString.copyFrom(Blocks.headerHash(last.getHeader())))
                .setPreviousBlockHash(last.getHeader().getPreviousHash())
                .build();
    }

    private Response blockByNumber(final String number) {
        final long parsed;
        try {
            parsed = Long.parseUnsignedLong(number);
        } catch (NumberFormatException e) {
            return error("Failed to parse block number with error strconv.ParseUint: parsing \"" + number
                    + "\": invalid syntax");
        }
        return found(ledger.block(parsed), "Failed to get block number " + Long.toUnsignedString(parsed)
                + ", error Entry not found in index");
    }

    private Response transaction(final String txId) {
        final Optional<TxStatus> status = ledger.committed(txId);
        if (status.isEmpty()) {
            return error("Failed to get transaction with id " + txId + ", error no such transaction ID [" + txId
                    + "] in index");
        }
        final Block block = ledger.block(status.get().blockNumber()).orElseThrow();
        try {
            final Envelope envelope = Envelope.parseFrom(block.getData().getData(status.get().txIndex()));
            return success(ProcessedTransaction.newBuilder()
                    .setTransactionEnvelope(envelope)
                    .setValidationCode(status.get().code().getNumber())
                    .build()
                    .toByteString());
        } catch (InvalidProtocolBufferException e) {
            return error("Failed to get transaction with id " + txId + ", error " + e.getMessage());
        }
    }

    private static Response found(final Optional<Block> block, final String otherwise) {
        return block.map(found -> success(found.toByteString())).orElseGet(() -> error(otherwise));
    }

    private static Response success(final ByteString payload) {
        return Response.newBuilder().setStatus(200).setPayload(payload).build();
    }

    private static Response error(final String message) {
        return Response.newBuilder().setStatus(500).setMessage(message).build();
    }

    private static String hex(final byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
