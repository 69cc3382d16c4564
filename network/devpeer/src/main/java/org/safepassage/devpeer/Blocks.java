package org.safepassage.devpeer;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.LastConfig;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/** Builds and checks {@code common.Block} messages the way Fabric's protoutil does. */
final class Blocks {
    private static final int METADATA_ENTRIES = BlockMetadataIndex.values().length - 1; // minus UNRECOGNIZED

    private Blocks() {}

    /** Block 0: one config-type envelope naming the channel; it carries no transactions for the chaincode. */
    static Block genesis(final String channelId) {
        final ChannelHeader header = ChannelHeader.newBuilder()
                .setType(HeaderType.CONFIG_VALUE)
                .setChannelId(channelId)
                .build();
        final Envelope envelope = Envelope.newBuilder()
                .setPayload(Payload.newBuilder()
                        .setHeader(Header.newBuilder().setChannelHeader(header.toByteString()))
                        .build()
                        .toByteString())
                .build();
        return build(0, new byte[0], List.of(envelope), List.of(TxValidationCode.VALID));
    }

    /** A block with its data hash and its validation codes in the {@code TRANSACTIONS_FILTER} metadata. */
    static Block build(final long number, final byte[] previousHash, final List<Envelope> envelopes,
            final List<TxValidationCode> codes) {
        final BlockData.Builder data = BlockData.newBuilder();
        envelopes.forEach(envelope -> data.addData(envelope.toByteString()));
        final BlockData blockData = data.build();
        final byte[] filter = new byte[codes.size()];
        for (int i = 0; i < filter.length; i++) {
            filter[i] = (byte) codes.get(i).getNumber();
        }
        final BlockMetadata.Builder metadata = BlockMetadata.newBuilder();
        for (int i = 0; i < METADATA_ENTRIES; i++) {
            metadata.addMetadata(ByteString.EMPTY);
        }
        metadata.setMetadata(BlockMetadataIndex.SIGNATURES_VALUE, Metadata.getDefaultInstance().toByteString());
        metadata.setMetadata(BlockMetadataIndex.LAST_CONFIG_VALUE, Metadata.newBuilder()
                .setValue(LastConfig.newBuilder().setIndex(0).build().toByteString()).build().toByteString());
        metadata.setMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE, ByteString.copyFrom(filter));
        return Block.newBuilder()
                .setHeader(BlockHeader.newBuilder()
                        .setNumber(number)
                        .setPreviousHash(ByteString.copyFrom(previousHash))
                        .setDataHash(ByteString.copyFrom(dataHash(blockData))))
                .setData(blockData)
                .setMetadata(metadata)
                .build();
    }

    /** The validation codes recorded in a block's metadata, one per transaction. */
    static List<TxValidationCode> validationCodes(final Block block) {
        final byte[] filter =
                block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE).toByteArray();
        final List<TxValidationCode> codes = new ArrayList<>(filter.length);
        for (byte code : filter) {
            codes.add(TxValidationCode.forNumber(code & 0xff));
        }
        return codes;
    }

    /** SHA-256 over the concatenated envelopes, as protoutil.ComputeBlockDataHash. */
    static byte[] dataHash(final BlockData data) {
        final MessageDigest digest = sha256();
        data.getDataList().forEach(envelope -> digest.update(envelope.toByteArray()));
        return digest.digest();
    }

    /** SHA-256 over the ASN.1 DER sequence (number, previous hash, data hash), as protoutil.BlockHeaderHash. */
    static byte[] headerHash(final BlockHeader header) {
        return sha256().digest(headerBytes(header));
    }

    static byte[] headerBytes(final BlockHeader header) {
        try {
            return new DERSequence(new ASN1Encodable[] {
                        new ASN1Integer(BigInteger.valueOf(header.getNumber())),
                        new DEROctetString(header.getPreviousHash().toByteArray()),
                        new DEROctetString(header.getDataHash().toByteArray())
                    })
                    .getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode block header", e);
        }
    }

    /**
     * Checks that {@code block} follows {@code previous} (or is a genesis block when {@code previous} is null).
     *
     * @throws IllegalStateException naming the broken link
     */
    static void verifyLink(final Block previous, final Block block) {
        final long expectedNumber = previous == null ? 0 : previous.getHeader().getNumber() + 1;
        if (block.getHeader().getNumber() != expectedNumber) {
            throw new IllegalStateException("block " + block.getHeader().getNumber() + " found where block "
                    + expectedNumber + " belongs");
        }
        final byte[] expectedPrevious = previous == null ? new byte[0] : headerHash(previous.getHeader());
        if (!MessageDigest.isEqual(expectedPrevious, block.getHeader().getPreviousHash().toByteArray())) {
            throw new IllegalStateException("block " + expectedNumber + " does not chain to the previous block's hash");
        }
        if (!MessageDigest.isEqual(dataHash(block.getData()), block.getHeader().getDataHash().toByteArray())) {
            throw new IllegalStateException("block " + expectedNumber + " data does not match its data hash");
        }
        if (validationCodes(block).size() != block.getData().getDataCount()) {
            throw new IllegalStateException("block " + expectedNumber + " has no validation code per transaction");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
