package org.safepassage.chaincode.client;

import java.util.Objects;
import java.util.OptionalLong;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.ChaincodeEventsRequest;
import org.hyperledger.fabric.client.Checkpointer;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.InMemoryCheckpointer;
import org.hyperledger.fabric.client.Network;

final class LedgerEventsImpl implements LedgerEvents {
    private final Network network;
    private final String chaincodeName;
    private final boolean strict;

    LedgerEventsImpl(final Network network, final String chaincodeName, final boolean strict) {
        this.network = network;
        this.chaincodeName = chaincodeName;
        this.strict = strict;
    }

    @Override
    public EventStream fromBlock(final long startBlock) {
        return open(new InMemoryCheckpointer(), OptionalLong.of(nonNegative(startBlock)));
    }

    @Override
    public EventStream resume(final Checkpointer checkpointer) {
        return open(Objects.requireNonNull(checkpointer, "checkpointer"), OptionalLong.empty());
    }

    @Override
    public EventStream resume(final Checkpointer checkpointer, final long firstStartBlock) {
        return open(Objects.requireNonNull(checkpointer, "checkpointer"), OptionalLong.of(nonNegative(firstStartBlock)));
    }

    @Override
    public LedgerEvents strict() {
        return strict ? this : new LedgerEventsImpl(network, chaincodeName, true);
    }

    private EventStream open(final Checkpointer checkpointer, final OptionalLong startBlock) {
        ChaincodeEventsRequest.Builder request = network.newChaincodeEventsRequest(chaincodeName);
        if (startBlock.isPresent()) {
            request = request.startBlock(startBlock.getAsLong());
        }
        // After startBlock: a position held by the checkpointer replaces it, an empty checkpointer leaves it.
        request = request.checkpoint(checkpointer);
        final CloseableIterator<ChaincodeEvent> events;
        try {
            events = request.build().getEvents();
        } catch (GatewayRuntimeException e) {
            throw Failures.eventStream(chaincodeName, e);
        }
        return new EventStreamImpl(events, checkpointer, chaincodeName, strict);
    }

    private static long nonNegative(final long block) {
        if (block < 0) {
            throw new IllegalArgumentException("block number must not be negative: " + block);
        }
        return block;
    }
}
