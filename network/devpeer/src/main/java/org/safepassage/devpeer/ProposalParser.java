package org.safepassage.devpeer;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.peer.ChaincodeHeaderExtension;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.safepassage.ledger.sim.Identity;

/** Unpacks and authenticates a {@code SignedProposal} as a peer's endorser does before running chaincode. */
final class ProposalParser {
    private final Organisations organisations;

    ProposalParser(final Organisations organisations) {
        this.organisations = organisations;
    }

    /**
     * @throws MalformedException if the proposal cannot be unpacked
     * @throws Organisations.UnknownIdentityException if the creator, its signature or the transaction id is refused
     */
    ParsedProposal parse(final SignedProposal signed)
            throws MalformedException, Organisations.UnknownIdentityException {
        return parse(signed, true);
    }

    /**
     * As {@link #parse(SignedProposal)}, but a proposal may name no channel when {@code channelRequired} is false: a
     * peer's endorser takes channel-less proposals for system chaincodes (qscc) and checks their creator against its
     * organisations only.
     */
    ParsedProposal parse(final SignedProposal signed, final boolean channelRequired)
            throws MalformedException, Organisations.UnknownIdentityException {
        if (signed == null || signed.getProposalBytes().isEmpty()) {
            throw new MalformedException("a signed proposal is required");
        }
        try {
            final Proposal proposal = Proposal.parseFrom(signed.getProposalBytes());
            final Header header = Header.parseFrom(proposal.getHeader());
            final ChannelHeader channelHeader = ChannelHeader.parseFrom(header.getChannelHeader());
            final SignatureHeader signatureHeader = SignatureHeader.parseFrom(header.getSignatureHeader());
            final ChaincodeHeaderExtension extension = ChaincodeHeaderExtension.parseFrom(channelHeader.getExtension());
            final ChaincodeProposalPayload payload = ChaincodeProposalPayload.parseFrom(proposal.getPayload());
            final ChaincodeInvocationSpec spec = ChaincodeInvocationSpec.parseFrom(payload.getInput());
            if (channelHeader.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
                throw new MalformedException("invalid header type " + channelHeader.getType());
            }
            if (channelRequired && channelHeader.getChannelId().isEmpty()) {
                throw new MalformedException("no channel id provided");
            }
            final String chaincode = spec.getChaincodeSpec().getChaincodeId().getName();
            if (chaincode.isEmpty()) {
                throw new MalformedException(
                        "no chaincode name is provided, channel id [" + channelHeader.getChannelId() + "]");
            }
            final String headerChaincode = extension.getChaincodeId().getName();
            if (!headerChaincode.isEmpty() && !headerChaincode.equals(chaincode)) {
                throw new MalformedException("chaincode id in the header does not match the invocation spec");
            }
            final List<ByteString> args = spec.getChaincodeSpec().getInput().getArgsList();
            if (args.isEmpty()) {
                throw new MalformedException("no function name is provided");
            }
            if (signatureHeader.getNonce().isEmpty()) {
                throw new MalformedException("nonce is empty");
            }
            final Identity creator = organisations.verifySigned(
                    signatureHeader.getCreator(), signed.getProposalBytes(), signed.getSignature());
            final String expectedTxId = org.safepassage.ledger.sim.Proposal.computeTxId(
                    signatureHeader.getNonce().toByteArray(), signatureHeader.getCreator().toByteArray());
            if (!expectedTxId.equals(channelHeader.getTxId())) {
                throw new Organisations.UnknownIdentityException("incorrectly formed transaction ID: ["
                        + channelHeader.getTxId() + "] is not hex(SHA-256(nonce || creator))");
            }
            return new ParsedProposal(signed, header, channelHeader, signatureHeader, payload, spec, creator,
                    chaincode, args.get(0).toStringUtf8(), args.subList(1, args.size()), payload.getTransientMapMap(),
                    timestamp(channelHeader));
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedException("failed to unpack transaction proposal: " + e.getMessage());
        }
    }

    static Instant timestamp(final ChannelHeader header) {
        return Instant.ofEpochSecond(header.getTimestamp().getSeconds(), header.getTimestamp().getNanos());
    }

    /**
     * A proposal that passed every check.
     *
     * @param function the first argument, {@code contract:Transaction}
     * @param args the remaining arguments
     */
    record ParsedProposal(
            SignedProposal signed,
            Header header,
            ChannelHeader channelHeader,
            SignatureHeader signatureHeader,
            ChaincodeProposalPayload payload,
            ChaincodeInvocationSpec spec,
            Identity creator,
            String chaincode,
            String function,
            List<ByteString> args,
            Map<String, ByteString> transientMap,
            Instant timestamp) {

        String txId() {
            return channelHeader.getTxId();
        }

        String channel() {
            return channelHeader.getChannelId();
        }
    }

    /** A message that cannot be unpacked. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(final String message) {
            super(message);
        }
    }
}
