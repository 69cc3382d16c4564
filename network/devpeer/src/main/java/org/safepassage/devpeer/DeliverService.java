package org.safepassage.devpeer;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.common.Status;
import org.hyperledger.fabric.protos.orderer.SeekInfo;
import org.hyperledger.fabric.protos.orderer.SeekPosition;
import org.hyperledger.fabric.protos.peer.BlockAndPrivateData;
import org.hyperledger.fabric.protos.peer.DeliverGrpc;
import org.hyperledger.fabric.protos.peer.DeliverResponse;

/**
 * A peer's Deliver service: full blocks ({@code Deliver}), filtered blocks ({@code DeliverFiltered}) and blocks with
 * their (here always empty) private data ({@code DeliverWithPrivateData}), as {@code peer channel fetch} and the
 * event-listening SDKs use it.
 *
 * <p>Each request on the stream is a signed {@code DELIVER_SEEK_INFO} envelope; as Fabric's deliver handler, the
 * answer is the blocks from the start to the stop position, then a {@code SUCCESS} status, and the stream stays open
 * for the next request. A refused request ends the stream after its status: {@code BAD_REQUEST} (unparseable, no
 * timestamp or one more than 15 minutes off, no start or stop), {@code NOT_FOUND} (another channel, or a block past
 * the end with {@code FAIL_IF_NOT_READY}) and {@code FORBIDDEN} (a creator or signature the channel's organisations
 * do not accept: the channel's Readers).
 */
final class DeliverService extends DeliverGrpc.DeliverImplBase {
    private static final Logger LOG = Logger.getLogger(DeliverService.class.getName());
    /** Fabric's default {@code peer.deliveryclient... timeWindow} for seek envelopes. */
    private static final Duration TIME_WINDOW = Duration.ofMinutes(15);
    private static final long POLL_MILLIS = 250;

    private final String channel;
    private final Organisations organisations;
    private final Ledger ledger;

    DeliverService(final String channel, final Organisations organisations, final Ledger ledger) {
        this.channel = channel;
        this.organisations = organisations;
        this.ledger = ledger;
    }

    @Override
    public StreamObserver<Envelope> deliver(final StreamObserver<DeliverResponse> responses) {
        return new Session(responses, Form.BLOCK);
    }

    @Override
    public StreamObserver<Envelope> deliverFiltered(final StreamObserver<DeliverResponse> responses) {
        return new Session(responses, Form.FILTERED);
    }

    @Override
    public StreamObserver<Envelope> deliverWithPrivateData(final StreamObserver<DeliverResponse> responses) {
        return new Session(responses, Form.WITH_PRIVATE_DATA);
    }

    private enum Form {
        BLOCK,
        FILTERED,
        WITH_PRIVATE_DATA
    }

    /** One Deliver stream: requests are handled one after the other, on the gRPC thread that delivers them. */
    private final class Session implements StreamObserver<Envelope> {
        private final StreamObserver<DeliverResponse> responses;
        private final Form form;
        private final Context context = Context.current();
        private boolean closed;

        Session(final StreamObserver<DeliverResponse> responses, final Form form) {
            this.responses = responses;
            this.form = form;
        }

        @Override
        public void onNext(final Envelope envelope) {
            if (closed) {
                return;
            }
            try {
                final Optional<Status> status = deliverBlocks(envelope);
                if (status.isEmpty()) {
                    closed = true; // the client went away while waiting for a block
                    return;
                }
                responses.onNext(DeliverResponse.newBuilder().setStatus(status.get()).build());
                if (status.get() != Status.SUCCESS) {
                    closed = true;
                    responses.onCompleted();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
                responses.onError(io.grpc.Status.UNAVAILABLE.withDescription("devpeer is shutting down")
                        .asRuntimeException());
            } catch (RuntimeException e) {
                closed = true;
                if (!context.isCancelled()) {
                    LOG.log(Level.WARNING, "deliver failed", e);
                    responses.onError(io.grpc.Status.INTERNAL.withDescription("devpeer: " + e).asRuntimeException());
                }
            }
        }

        @Override
        public void onError(final Throwable error) {
            closed = true;
        }

        @Override
        public void onCompleted() {
            if (!closed) {
                closed = true;
                responses.onCompleted();
            }
        }

        /** @return the status that ends this request, or empty if the client cancelled first */
        private Optional<Status> deliverBlocks(final Envelope envelope) throws InterruptedException {
            final ChannelHeader channelHeader;
            final SignatureHeader signatureHeader;
            final SeekInfo seek;
            try {
                final Payload payload = Payload.parseFrom(envelope.getPayload());
                if (!payload.hasHeader()) {
                    return Optional.of(Status.BAD_REQUEST);
                }
                channelHeader = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
                signatureHeader = SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
                if (!channelHeader.hasTimestamp() || !withinTimeWindow(ProposalParser.timestamp(channelHeader))) {
                    return Optional.of(Status.BAD_REQUEST);
                }
                if (!channel.equals(channelHeader.getChannelId())) {
                    return Optional.of(Status.NOT_FOUND);
                }
                seek = SeekInfo.parseFrom(payload.getData());
            } catch (InvalidProtocolBufferException e) {
                return Optional.of(Status.BAD_REQUEST);
            }
            if (!authorised(envelope, signatureHeader)) {
                return Optional.of(Status.FORBIDDEN);
            }
            if (!seek.hasStart() || !seek.hasStop()) {
                return Optional.of(Status.BAD_REQUEST);
            }
            // Block numbers are unsigned, as in Fabric: a stop at 2^64-1 follows the ledger until cancelled.
            final long height = ledger.height();
            final Long start = switch (seek.getStart().getTypeCase()) {
                case OLDEST -> 0L;
                case NEWEST -> height - 1;
                case SPECIFIED -> seek.getStart().getSpecified().getNumber();
                case NEXT_COMMIT -> height;
                default -> null;
            };
            final Long stop = start == null ? null : stopNumber(seek, start);
            if (stop == null || Long.compareUnsigned(stop, start) < 0) {
                return Optional.of(Status.BAD_REQUEST);
            }
            for (long number = start; ; number++) {
                if (seek.getBehavior() == SeekInfo.SeekBehavior.FAIL_IF_NOT_READY
                        && Long.compareUnsigned(number, ledger.height()) >= 0) {
                    return Optional.of(Status.NOT_FOUND);
                }
                final Optional<Block> block = await(number);
                if (block.isEmpty()) {
                    return Optional.empty();
                }
                if (!authorised(envelope, signatureHeader)) {
                    return Optional.of(Status.FORBIDDEN); // the creator's certificate expired meanwhile
                }
                responses.onNext(response(block.get(), seek.getContentType()));
                if (number == stop) {
                    return Optional.of(Status.SUCCESS);
                }
            }
        }

        private Long stopNumber(final SeekInfo seek, final long start) {
            final SeekPosition stop = seek.getStop();
            return switch (stop.getTypeCase()) {
                case OLDEST -> start;
                // newest..newest is one block, even if another is committed meanwhile
                case NEWEST -> stop.equals(seek.getStart()) ? start : ledger.height() - 1;
                case SPECIFIED -> stop.getSpecified().getNumber();
                default -> null;
            };
        }

        private Optional<Block> await(final long number) throws InterruptedException {
            while (!context.isCancelled()) {
                final Optional<Block> block = ledger.awaitBlock(number, POLL_MILLIS);
                if (block.isPresent()) {
                    return block;
                }
            }
            return Optional.empty();
        }

        private DeliverResponse response(final Block block, final SeekInfo.SeekContentType contentType) {
            final Block sent = contentType == SeekInfo.SeekContentType.HEADER_WITH_SIG && !isConfigBlock(block)
                    ? Block.newBuilder().setHeader(block.getHeader()).setMetadata(block.getMetadata()).build()
                    : block;
            return switch (form) {
                case BLOCK -> DeliverResponse.newBuilder().setBlock(sent).build();
                case FILTERED -> DeliverResponse.newBuilder().setFilteredBlock(FilteredBlocks.of(block)).build();
                case WITH_PRIVATE_DATA -> DeliverResponse.newBuilder()
                        .setBlockAndPrivateData(BlockAndPrivateData.newBuilder().setBlock(sent))
                        .build();
            };
        }
    }

    private boolean authorised(final Envelope envelope, final SignatureHeader signatureHeader) {
        try {
            organisations.verifySigned(signatureHeader.getCreator(), envelope.getPayload(), envelope.getSignature());
            return true;
        } catch (Organisations.UnknownIdentityException e) {
            LOG.info(() -> "deliver request refused: " + e.getMessage());
            return false;
        }
    }

    private static boolean withinTimeWindow(final Instant timestamp) {
        return Duration.between(timestamp, Instant.now()).abs().compareTo(TIME_WINDOW) <= 0;
    }

    private static boolean isConfigBlock(final Block block) {
        return block.getData().getDataCount() > 0 && FilteredBlocks.headerType(block.getData().getData(0))
                == org.hyperledger.fabric.protos.common.HeaderType.CONFIG_VALUE;
    }
}
