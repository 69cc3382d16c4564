package org.safepassage.devpeer;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.protos.peer.EndorserGrpc;
import org.hyperledger.fabric.protos.peer.ProposalResponse;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.safepassage.ledger.sim.Endorsement;
import org.safepassage.ledger.sim.Identity;
import org.safepassage.ledger.sim.ReadWriteSet;

/**
 * A peer's Endorser service ({@code protos.Endorser/ProcessProposal}), which Fabric's own {@code peer} CLI and the
 * older SDKs call: it authenticates the proposal as {@code Endorse} does, runs the chaincode (or {@code qscc}) and
 * answers as one peer would, endorsed by the creator's own organisation's peer.
 *
 * <p>As in Fabric's endorser: a proposal that cannot be unpacked or whose creator or signature is refused is a gRPC
 * error; a chaincode failure (status 400 and up), an unknown channel or chaincode is a {@code ProposalResponse} with
 * that status and message and no endorsement; a proposal without a channel (how {@code peer channel getinfo} asks
 * qscc) is answered but never endorsed.
 */
final class PeerEndorserService extends EndorserGrpc.EndorserImplBase {
    private static final Logger LOG = Logger.getLogger(PeerEndorserService.class.getName());

    private final String channel;
    private final String chaincode;
    private final ProposalParser parser;
    private final Organisations organisations;
    private final Endorser endorser;
    private final Ledger ledger;
    private final Qscc qscc;

    PeerEndorserService(final String channel, final String chaincode, final Organisations organisations,
            final Endorser endorser, final Ledger ledger) {
        this.channel = channel;
        this.chaincode = chaincode;
        this.parser = new ProposalParser(organisations);
        this.organisations = organisations;
        this.endorser = endorser;
        this.ledger = ledger;
        this.qscc = new Qscc(channel, ledger);
    }

    @Override
    public void processProposal(final SignedProposal signed, final StreamObserver<ProposalResponse> response) {
        try {
            response.onNext(process(signed));
            response.onCompleted();
        } catch (io.grpc.StatusRuntimeException e) {
            response.onError(e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "proposal failed", e);
            response.onError(GatewayErrors.of(Status.Code.INTERNAL, "devpeer: " + e));
        }
    }

    private ProposalResponse process(final SignedProposal signed) {
        final ProposalParser.ParsedProposal proposal;
        try {
            proposal = parser.parse(signed, false);
        } catch (ProposalParser.MalformedException e) {
            throw GatewayErrors.of(Status.Code.UNKNOWN, e.getMessage());
        } catch (Organisations.UnknownIdentityException e) {
            throw GatewayErrors.of(Status.Code.UNKNOWN, "error validating proposal: access denied: channel ["
                    + channelOf(signed) + "]: " + e.getMessage());
        }
        final String proposalChannel = proposal.channel();
        if (!proposalChannel.isEmpty() && !proposalChannel.equals(channel)) {
            return unendorsed(failure("channel '" + proposalChannel + "' not found"));
        }
        if (!proposalChannel.isEmpty() && ledger.committed(proposal.txId()).isPresent()) {
            throw GatewayErrors.of(Status.Code.UNKNOWN, "duplicate transaction found [" + proposal.txId()
                    + "]. Creator [" + HexFormat.of().formatHex(proposal.signatureHeader().getCreator().toByteArray())
                    + "]");
        }
        if (proposal.chaincode().equals(Qscc.NAME)) {
            final Response answer = qscc.invoke(proposal.function(), proposal.args());
            if (proposalChannel.isEmpty() || answer.getStatus() >= Endorsement.ERROR_THRESHOLD) {
                return unendorsed(answer);
            }
            return endorsed(proposal, new Endorsement(proposal.txId(), proposal.timestamp(), answer.getStatus(),
                    null, answer.getPayload().toByteArray(), ReadWriteSet.EMPTY, null));
        }
        if (proposalChannel.isEmpty() || !proposal.chaincode().equals(chaincode)) {
            return unendorsed(failure("make sure the chaincode " + proposal.chaincode()
                    + " has been successfully defined on channel " + proposalChannel + " and try again: chaincode "
                    + proposal.chaincode() + " not found"));
        }
        final Endorsement result = endorser.simulate(proposal);
        if (!result.isSuccess()) {
            return unendorsed(Endorser.response(result));
        }
        return endorsed(proposal, result);
    }

    /** Signed by the peer of the creator's organisation: the peer a CLI user would normally talk to. */
    private ProposalResponse endorsed(final ProposalParser.ParsedProposal proposal, final Endorsement result) {
        final Identity peer = organisations.peer(proposal.creator().mspId()).orElseThrow(() -> GatewayErrors.of(
                Status.Code.UNKNOWN, "no peer of " + proposal.creator().mspId() + " to endorse with"));
        final ByteString payload = Endorser.responsePayload(proposal, result).toByteString();
        final ByteString endorserIdentity = ByteString.copyFrom(peer.serialized());
        final byte[] signature = Signatures.sign(peer.privateKey(), payload.concat(endorserIdentity).toByteArray());
        return ProposalResponse.newBuilder()
                .setVersion(1)
                .setResponse(Endorser.response(result))
                .setPayload(payload)
                .setEndorsement(org.hyperledger.fabric.protos.peer.Endorsement.newBuilder()
                        .setEndorser(endorserIdentity)
                        .setSignature(ByteString.copyFrom(signature)))
                .build();
    }

    private static ProposalResponse unendorsed(final Response response) {
        return ProposalResponse.newBuilder().setResponse(response).build();
    }

    private static Response failure(final String message) {
        return Response.newBuilder().setStatus(500).setMessage(message).build();
    }

    /** The channel a proposal names, for an error message about a proposal that was refused. */
    private static String channelOf(final SignedProposal signed) {
        try {
            final org.hyperledger.fabric.protos.peer.Proposal proposal =
                    org.hyperledger.fabric.protos.peer.Proposal.parseFrom(signed.getProposalBytes());
            final org.hyperledger.fabric.protos.common.Header header =
                    org.hyperledger.fabric.protos.common.Header.parseFrom(proposal.getHeader());
            return org.hyperledger.fabric.protos.common.ChannelHeader.parseFrom(header.getChannelHeader())
                    .getChannelId();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            return "";
        }
    }
}
