package org.safepassage.devpeer;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.gateway.ChaincodeEventsRequest;
import org.hyperledger.fabric.protos.gateway.ChaincodeEventsResponse;
import org.hyperledger.fabric.protos.gateway.SignedChaincodeEventsRequest;
import org.hyperledger.fabric.protos.orderer.SeekPosition;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;

/**
 * One ChaincodeEvents call: from its start block (or just after a checkpointed transaction) it sends, per block,
 * the requested chaincode's events of valid transactions, then follows new blocks until the client cancels.
 */
final class EventStreamer {
    private static final long POLL_MILLIS = 500;

    private final ChaincodeEventsRequest request;
    private final Ledger ledger;
    private final long startBlock;
    private final int skipThroughTxIndex;

    private EventStreamer(final ChaincodeEventsRequest request, final Ledger ledger, final long startBlock,
            final int skipThroughTxIndex) {
        this.request = request;
        this.ledger = ledger;
        this.startBlock = startBlock;
        this.skipThroughTxIndex = skipThroughTxIndex;
    }

    /** Checks the signed request and works out where the stream starts. */
    static EventStreamer open(final SignedChaincodeEventsRequest signed, final Authoriser authoriser,
            final Ledger ledger) {
        if (signed.getRequest().isEmpty()) {
            throw GatewayErrors.of(Status.Code.INVALID_ARGUMENT, "a chaincode events request is required");
        }
        final ChaincodeEventsRequest request;
        try {
            request = ChaincodeEventsRequest.parseFrom(signed.getRequest());
        } catch (InvalidProtocolBufferException e) {
            throw GatewayErrors.of(Status.Code.INVALID_ARGUMENT, "invalid chaincode events request: " + e.getMessage());
        }
        authoriser.authorise(request.getIdentity(), signed.getRequest(), signed.getSignature(), request.getChannelId());
        final Optional<TxStatus> after = request.getAfterTransactionId().isEmpty()
                ? Optional.empty()
                : ledger.committed(request.getAfterTransactionId());
        if (after.isPresent()) {
            return new EventStreamer(request, ledger, after.get().blockNumber(), after.get().txIndex());
        }
        return new EventStreamer(request, ledger, startBlock(request.getStartPosition(), ledger.height()), -1);
    }

    private static long startBlock(final SeekPosition position, final long height) {
        return switch (position.getTypeCase()) {
            case SPECIFIED -> position.getSpecified().getNumber();
            case OLDEST -> 0;
            case NEWEST -> Math.max(0, height - 1);
            case NEXT_COMMIT, TYPE_NOT_SET -> height;
            default -> throw GatewayErrors.of(Status.Code.INVALID_ARGUMENT,
                    "invalid start position type: " + position.getTypeCase());
        };
    }

    /** Sends until the client cancels or the server stops; runs on the calling (gRPC executor) thread. */
    void stream(final ServerCallStreamObserver<ChaincodeEventsResponse> response) {
        long next = startBlock;
        try {
            while (!response.isCancelled()) {
                final EventLog.Batch batch = ledger.events().await(next, POLL_MILLIS);
                for (EventLog.BlockEvents block : batch.blocks()) {
                    final List<ChaincodeEvent> events = block.events().stream()
                            .filter(entry -> block.blockNumber() != startBlock || entry.txIndex() > skipThroughTxIndex)
                            .map(EventLog.Entry::event)
                            .filter(event -> event.getChaincodeId().equals(request.getChaincodeId()))
                            .toList();
                    if (!events.isEmpty() && !response.isCancelled()) {
                        response.onNext(ChaincodeEventsResponse.newBuilder()
                                .setBlockNumber(block.blockNumber())
                                .addAllEvents(events)
                                .build());
                    }
                }
                next = batch.next();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.onError(GatewayErrors.of(Status.Code.UNAVAILABLE, "devpeer is shutting down"));
        } catch (RuntimeException e) {
            if (!response.isCancelled()) {
                response.onError(GatewayErrors.of(Status.Code.ABORTED, String.valueOf(e.getMessage())));
            }
        }
    }

    /** Checks a signed request, throwing a gRPC status error. */
    @FunctionalInterface
    interface Authoriser {
        void authorise(ByteString identity, ByteString request, ByteString signature, String channel);
    }
}
