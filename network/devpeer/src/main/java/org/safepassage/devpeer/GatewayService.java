package org.safepassage.devpeer;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.gateway.ChaincodeEventsResponse;
import org.hyperledger.fabric.protos.gateway.CommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.CommitStatusResponse;
import org.hyperledger.fabric.protos.gateway.EndorseRequest;
import org.hyperledger.fabric.protos.gateway.EndorseResponse;
import org.hyperledger.fabric.protos.gateway.EvaluateRequest;
import org.hyperledger.fabric.protos.gateway.EvaluateResponse;
import org.hyperledger.fabric.protos.gateway.GatewayGrpc;
import org.hyperledger.fabric.protos.gateway.SignedChaincodeEventsRequest;
import org.hyperledger.fabric.protos.gateway.SignedCommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.SubmitRequest;
import org.hyperledger.fabric.protos.gateway.SubmitResponse;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.safepassage.ledger.sim.Endorsement;

/**
 * The Fabric Gateway service, answering as a Gateway peer of the channel would, with its status codes and error
 * details, so that the official client cannot tell the devpeer from a network.
 */
final class GatewayService extends GatewayGrpc.GatewayImplBase {
    private static final Logger LOG = Logger.getLogger(GatewayService.class.getName());

    private final String channel;
    private final String chaincode;
    private volatile String address;
    private final ProposalParser parser;
    private final Endorser endorser;
    private final Organisations organisations;
    private final Orderer orderer;
    private final Ledger ledger;

    GatewayService(final String channel, final String chaincode, final Organisations organisations,
            final Endorser endorser, final Orderer orderer, final Ledger ledger) {
        this.channel = channel;
        this.chaincode = chaincode;
        this.address = "localhost";
        this.parser = new ProposalParser(organisations);
        this.organisations = organisations;
        this.endorser = endorser;
        this.orderer = orderer;
        this.ledger = ledger;
    }

    /** Names this endpoint in error details once the port is bound. */
    void listeningOn(final int port) {
        address = "localhost:" + port;
    }

    @Override
    public void evaluate(final EvaluateRequest request, final StreamObserver<EvaluateResponse> response) {
        try {
            final Executed executed = execute(request.getProposedTransaction(), "failed to evaluate transaction");
            final Endorsement result = executed.endorsement();
            if (!result.isSuccess()) {
                final String detail = chaincodeFailure(result);
                // Fabric's gateway answers a chaincode error on evaluate with UNKNOWN (on endorse with ABORTED).
                throw GatewayErrors.withDetail(Status.Code.UNKNOWN,
                        "evaluate call to endorser returned error: " + detail, address,
                        executed.proposal().creator().mspId(), detail);
            }
            response.onNext(EvaluateResponse.newBuilder().setResult(Endorser.response(result)).build());
            response.onCompleted();
        } catch (RuntimeException e) {
            fail(response, e);
        }
    }

    @Override
    public void endorse(final EndorseRequest request, final StreamObserver<EndorseResponse> response) {
        try {
            final Executed executed = execute(request.getProposedTransaction(), "failed to endorse transaction");
            if (!executed.endorsement().isSuccess()) {
                throw GatewayErrors.withDetail(Status.Code.ABORTED,
                        "failed to endorse transaction, see attached details for more info", address,
                        executed.proposal().creator().mspId(), chaincodeFailure(executed.endorsement()));
            }
            final Envelope prepared;
            try {
                prepared = endorser.prepare(executed.proposal(), executed.endorsement(),
                        request.getEndorsingOrganizationsList());
            } catch (Endorser.NoEndorsementPlanException e) {
                throw GatewayErrors.of(Status.Code.FAILED_PRECONDITION, e.getMessage());
            }
            response.onNext(EndorseResponse.newBuilder().setPreparedTransaction(prepared).build());
            response.onCompleted();
        } catch (RuntimeException e) {
            fail(response, e);
        }
    }

    @Override
    public void submit(final SubmitRequest request, final StreamObserver<SubmitResponse> response) {
        try {
            final Envelope envelope = request.getPreparedTransaction();
            if (!request.hasPreparedTransaction()) {
                throw GatewayErrors.of(Status.Code.INVALID_ARGUMENT, "a prepared transaction is required");
            }
            if (envelope.getSignature().isEmpty()) {
                throw GatewayErrors.of(Status.Code.INVALID_ARGUMENT, "prepared transaction must be signed");
            }
            final OrderedTransaction tx;
            try {
                tx = OrderedTransaction.parse(envelope);
                organisations.verifySigned(tx.creator(), envelope.getPayload(), envelope.getSignature());
            } catch (ProposalParser.MalformedException e) {
                throw ordererRefusal("BAD_REQUEST", e.getMessage());
            } catch (Organisations.UnknownIdentityException e) {
                throw ordererRefusal("FORBIDDEN", "broadcast client identity or signature refused: " + e.getMessage());
            }
            if (!tx.channel().equals(channel) || !tx.chaincode().equals(chaincode)) {
                throw ordererRefusal("NOT_FOUND", "channel [" + tx.channel() + "] chaincode [" + tx.chaincode()
                        + "] is not served here");
            }
            if (!orderer.broadcast(tx)) {
                throw GatewayErrors.of(Status.Code.UNAVAILABLE, "no orderers could successfully process transaction");
            }
            response.onNext(SubmitResponse.getDefaultInstance());
            response.onCompleted();
        } catch (RuntimeException e) {
            fail(response, e);
        }
    }

    @Override
    public void commitStatus(
            final SignedCommitStatusRequest signed, final StreamObserver<CommitStatusResponse> response) {
        try {
            final CommitStatusRequest request;
            try {
                request = CommitStatusRequest.parseFrom(signed.getRequest());
            } catch (InvalidProtocolBufferException e) {
                throw GatewayErrors.of(Status.Code.INVALID_ARGUMENT, "invalid status request: " + e.getMessage());
            }
            authorise(request.getIdentity(), signed.getRequest(), signed.getSignature(), request.getChannelId());
            ledger.status(request.getTransactionId()).whenComplete((status, error) -> {
                try {
                    response.onNext(CommitStatusResponse.newBuilder()
                            .setResult(status.code())
                            .setBlockNumber(status.blockNumber())
                            .build());
                    response.onCompleted();
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "commit status caller went away", e); // cancelled by the client
                }
            });
        } catch (RuntimeException e) {
            fail(response, e);
        }
    }

    @Override
    public void chaincodeEvents(final SignedChaincodeEventsRequest signed,
            final StreamObserver<ChaincodeEventsResponse> response) {
        try {
            final EventStreamer streamer = EventStreamer.open(signed, this::authorise, ledger);
            streamer.stream((ServerCallStreamObserver<ChaincodeEventsResponse>) response);
        } catch (RuntimeException e) {
            fail(response, e);
        }
    }

    /** Checks a signed request's identity and signature and its channel. */
    void authorise(final com.google.protobuf.ByteString identity, final com.google.protobuf.ByteString request,
            final com.google.protobuf.ByteString signature, final String requestChannel) {
        try {
            organisations.verifySigned(identity, request, signature);
        } catch (Organisations.UnknownIdentityException e) {
            throw GatewayErrors.of(Status.Code.PERMISSION_DENIED, "access denied: " + e.getMessage());
        }
        if (!channel.equals(requestChannel)) {
            throw GatewayErrors.of(Status.Code.NOT_FOUND, "channel does not exist: " + requestChannel);
        }
    }

    private Executed execute(final SignedProposal signed, final String failure) {
        final ProposalParser.ParsedProposal proposal;
        try {
            proposal = parser.parse(signed);
        } catch (ProposalParser.MalformedException e) {
            throw GatewayErrors.of(
                    Status.Code.INVALID_ARGUMENT, "failed to unpack transaction proposal: " + e.getMessage());
        } catch (Organisations.UnknownIdentityException e) {
            throw GatewayErrors.withDetail(Status.Code.ABORTED, failure + ", see attached details for more info",
                    address, "", "access denied: channel [" + channel + "]: " + e.getMessage());
        }
        if (!proposal.channel().equals(channel)) {
            throw GatewayErrors.of(Status.Code.NOT_FOUND, "channel does not exist: " + proposal.channel());
        }
        if (!proposal.chaincode().equals(chaincode)) {
            throw GatewayErrors.withDetail(Status.Code.ABORTED, failure + ", see attached details for more info",
                    address, proposal.creator().mspId(), "make sure the chaincode " + proposal.chaincode()
                            + " has been successfully defined on channel " + channel + " and try again: chaincode "
                            + proposal.chaincode() + " not found");
        }
        return new Executed(proposal, endorser.simulate(proposal));
    }

    private static String chaincodeFailure(final Endorsement endorsement) {
        return "chaincode response " + endorsement.status() + ", " + endorsement.message();
    }

    private static RuntimeException ordererRefusal(final String status, final String info) {
        return GatewayErrors.of(Status.Code.ABORTED,
                "received unsuccessful response from orderer: status=" + status + ", info=" + info);
    }

    private static void fail(final StreamObserver<?> response, final RuntimeException e) {
        if (e instanceof io.grpc.StatusRuntimeException) {
            response.onError(e);
            return;
        }
        LOG.log(Level.WARNING, "request failed", e);
        response.onError(GatewayErrors.of(Status.Code.INTERNAL, "devpeer: " + e));
    }

    private record Executed(ProposalParser.ParsedProposal proposal, Endorsement endorsement) {}
}
