package org.safepassage.devpeer;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Instant;
import java.util.List;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.safepassage.ledger.sim.ReadWriteSet;

/**
 * An endorser transaction envelope unpacked as the committing peer reads it.
 *
 * @param envelope the signed envelope as ordered
 * @param txId the transaction id from the channel header
 * @param channel the channel id
 * @param timestamp the proposal timestamp
 * @param creator the serialized identity that signed the envelope
 * @param chaincode the invoked chaincode's name
 * @param function {@code contract:Transaction}
 * @param responsePayload the endorsed {@code ProposalResponsePayload} bytes
 * @param endorsements the endorsements over it
 * @param readWriteSet the chaincode namespace's read/write set
 * @param event the chaincode event, or {@code null}
 */
record OrderedTransaction(
        Envelope envelope,
        String txId,
        String channel,
        Instant timestamp,
        ByteString creator,
        String chaincode,
        String function,
        ByteString responsePayload,
        List<Endorsement> endorsements,
        ReadWriteSet readWriteSet,
        ChaincodeEvent event) {

    static OrderedTransaction parse(final Envelope envelope) throws ProposalParser.MalformedException {
        try {
            final Payload payload = Payload.parseFrom(envelope.getPayload());
            final ChannelHeader channelHeader = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
            if (channelHeader.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
                throw new ProposalParser.MalformedException("not an endorser transaction: type "
                        + channelHeader.getType());
            }
            final SignatureHeader signatureHeader = SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
            final Transaction transaction = Transaction.parseFrom(payload.getData());
            if (transaction.getActionsCount() != 1) {
                throw new ProposalParser.MalformedException("a transaction needs exactly one action");
            }
            final ChaincodeActionPayload actionPayload =
                    ChaincodeActionPayload.parseFrom(transaction.getActions(0).getPayload());
            final ChaincodeInvocationSpec spec = ChaincodeInvocationSpec.parseFrom(
                    ChaincodeProposalPayload.parseFrom(actionPayload.getChaincodeProposalPayload()).getInput());
            final ByteString responsePayload = actionPayload.getAction().getProposalResponsePayload();
            final ChaincodeAction action =
                    ChaincodeAction.parseFrom(ProposalResponsePayload.parseFrom(responsePayload).getExtension());
            final String chaincode = spec.getChaincodeSpec().getChaincodeId().getName();
            final ChaincodeEvent event =
                    action.getEvents().isEmpty() ? null : ChaincodeEvent.parseFrom(action.getEvents());
            if (spec.getChaincodeSpec().getInput().getArgsCount() == 0) {
                throw new ProposalParser.MalformedException("no function name");
            }
            return new OrderedTransaction(
                    envelope,
                    channelHeader.getTxId(),
                    channelHeader.getChannelId(),
                    ProposalParser.timestamp(channelHeader),
                    signatureHeader.getCreator(),
                    chaincode,
                    spec.getChaincodeSpec().getInput().getArgs(0).toStringUtf8(),
                    responsePayload,
                    actionPayload.getAction().getEndorsementsList(),
                    readWriteSet(action.getResults(), chaincode),
                    event);
        } catch (InvalidProtocolBufferException e) {
            throw new ProposalParser.MalformedException("failed to unpack transaction envelope: " + e.getMessage());
        }
    }

    private static ReadWriteSet readWriteSet(final ByteString results, final String chaincode)
            throws InvalidProtocolBufferException, ProposalParser.MalformedException {
        final TxReadWriteSet txRwSet = TxReadWriteSet.parseFrom(results);
        ReadWriteSet found = ReadWriteSet.EMPTY;
        for (NsReadWriteSet ns : txRwSet.getNsRwsetList()) {
            if (!ns.getNamespace().equals(chaincode)) {
                throw new ProposalParser.MalformedException("writes to foreign namespace " + ns.getNamespace());
            }
            found = ReadWriteSet.fromProto(KVRWSet.parseFrom(ns.getRwset()));
        }
        return found;
    }
}
