package org.safepassage.chaincode.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.Checkpointer;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.chaincode.model.InvalidRecordException;
import org.safepassage.chaincode.model.LedgerEvent;

final class EventStreamImpl implements EventStream {
    private static final System.Logger LOG = System.getLogger(EventStreamImpl.class.getName());

    private final CloseableIterator<ChaincodeEvent> events;
    private final Checkpointer checkpointer;
    private final String chaincodeName;
    private final boolean strict;
    private volatile boolean closed;
    private ReceivedEvent pending;

    EventStreamImpl(final CloseableIterator<ChaincodeEvent> events, final Checkpointer checkpointer,
            final String chaincodeName, final boolean strict) {
        this.events = events;
        this.checkpointer = checkpointer;
        this.chaincodeName = chaincodeName;
        this.strict = strict;
    }

    @Override
    public boolean hasNext() {
        while (pending == null) {
            if (closed) {
                return false;
            }
            final ChaincodeEvent raw;
            try {
                if (!events.hasNext()) {
                    return false;
                }
                raw = events.next();
            } catch (GatewayRuntimeException e) {
                // Closing cancels the gRPC call, which a blocked reader sees as CANCELLED: that is the end, not a failure.
                if (closed) {
                    return false;
                }
                throw Failures.eventStream(chaincodeName, e);
            }
            pending = decode(raw);
        }
        return true;
    }

    @Override
    public ReceivedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("event stream closed");
        }
        final ReceivedEvent next = pending;
        pending = null;
        return next;
    }

    @Override
    public void checkpoint(final ReceivedEvent event) {
        Objects.requireNonNull(event, "event");
        try {
            checkpointer.checkpointTransaction(event.blockNumber(), event.transactionId());
        } catch (IOException e) {
            throw new UncheckedIOException("could not checkpoint transaction " + event.transactionId(), e);
        }
    }

    @Override
    public Checkpointer checkpointer() {
        return checkpointer;
    }

    @Override
    public void close() {
        closed = true;
        events.close();
    }

    /** The decoded event, or null if it was skipped. */
    private ReceivedEvent decode(final ChaincodeEvent raw) {
        final EventType type;
        try {
            type = EventType.fromEventName(raw.getEventName());
        } catch (IllegalArgumentException e) {
            return undecodable(raw, "unknown event name", e);
        }
        final LedgerEvent event;
        try {
            event = CanonicalJson.parse(raw.getPayload(), LedgerEvent.class);
        } catch (InvalidRecordException e) {
            return undecodable(raw, "payload is not a valid LedgerEvent", e);
        }
        if (event.type() != type) {
            return undecodable(raw, "payload is of type " + event.type(), null);
        }
        return new ReceivedEvent(raw.getBlockNumber(), raw.getTransactionId(), event);
    }

    private ReceivedEvent undecodable(final ChaincodeEvent raw, final String reason, final Exception cause) {
        // Names, block and transaction ids only: never the payload or the parser's message about it.
        final String message = "chaincode event " + raw.getEventName() + " in block " + raw.getBlockNumber()
                + ", transaction " + raw.getTransactionId() + ": " + reason;
        if (strict) {
            throw new LedgerException("Undecodable " + message, raw.getTransactionId(), cause);
        }
        LOG.log(Level.WARNING, "Skipped {0}", message);
        return null;
    }
}
