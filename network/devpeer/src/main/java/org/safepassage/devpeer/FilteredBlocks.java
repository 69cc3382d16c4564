package org.safepassage.devpeer;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.FilteredBlock;
import org.hyperledger.fabric.protos.peer.FilteredChaincodeAction;
import org.hyperledger.fabric.protos.peer.FilteredTransaction;
import org.hyperledger.fabric.protos.peer.FilteredTransactionActions;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;

/**
 * A block as the peer's {@code DeliverFiltered} sends it: per transaction its id, header type and validation code,
 * and for endorser transactions the chaincode events without their payloads.
 */
final class FilteredBlocks {
    private FilteredBlocks() {}

    static FilteredBlock of(final Block block) {
        final FilteredBlock.Builder filtered = FilteredBlock.newBuilder().setNumber(block.getHeader().getNumber());
        final var codes = Blocks.validationCodes(block);
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            try {
                final Payload payload = Payload.parseFrom(
                        org.hyperledger.fabric.protos.common.Envelope.parseFrom(block.getData().getData(i))
                                .getPayload());
                final ChannelHeader header = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
                filtered.setChannelId(header.getChannelId());
                final FilteredTransaction.Builder tx = FilteredTransaction.newBuilder()
                        .setTxid(header.getTxId())
                        .setTypeValue(header.getType())
                        .setTxValidationCode(codes.get(i));
                if (header.getType() == HeaderType.ENDORSER_TRANSACTION_VALUE) {
                    tx.setTransactionActions(actions(Transaction.parseFrom(payload.getData())));
                }
                filtered.addFilteredTransactions(tx);
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("block " + block.getHeader().getNumber() + " transaction " + i
                        + " cannot be read: " + e.getMessage(), e);
            }
        }
        return filtered.build();
    }

    /** The header type of an envelope's channel header, -1 if it cannot be read. */
    static int headerType(final ByteString envelope) {
        try {
            final Payload payload = Payload.parseFrom(
                    org.hyperledger.fabric.protos.common.Envelope.parseFrom(envelope).getPayload());
            return ChannelHeader.parseFrom(payload.getHeader().getChannelHeader()).getType();
        } catch (InvalidProtocolBufferException e) {
            return -1;
        }
    }

    private static FilteredTransactionActions actions(final Transaction transaction)
            throws InvalidProtocolBufferException {
        final FilteredTransactionActions.Builder actions = FilteredTransactionActions.newBuilder();
        for (TransactionAction action : transaction.getActionsList()) {
            final ChaincodeActionPayload actionPayload = ChaincodeActionPayload.parseFrom(action.getPayload());
            if (!actionPayload.hasAction()) {
                continue;
            }
            final ChaincodeAction chaincodeAction = ChaincodeAction.parseFrom(ProposalResponsePayload
                    .parseFrom(actionPayload.getAction().getProposalResponsePayload()).getExtension());
            final ChaincodeEvent event = ChaincodeEvent.parseFrom(chaincodeAction.getEvents());
            if (!event.getChaincodeId().isEmpty()) {
                actions.addChaincodeActions(FilteredChaincodeAction.newBuilder()
                        .setChaincodeEvent(ChaincodeEvent.newBuilder()
                                .setTxId(event.getTxId())
                                .setChaincodeId(event.getChaincodeId())
                                .setEventName(event.getEventName())));
            }
        }
        return actions.build();
    }
}
