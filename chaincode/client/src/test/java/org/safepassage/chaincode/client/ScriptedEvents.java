package org.safepassage.chaincode.client;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.ChaincodeEventsRequest;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.Network;
import org.mockito.Answers;
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.chaincode.model.LedgerEvent;

/**
 * A chaincode event stream as fabric-gateway delivers it: scripted events, then either the end of the stream, a gRPC
 * failure, or (like a live stream) a wait until the call is cancelled by closing it.
 */
final class ScriptedEvents implements CloseableIterator<ChaincodeEvent> {
    /** A chaincode event as fabric-gateway reports it. */
    record Raw(long getBlockNumber, String getTransactionId, String getChaincodeName, String getEventName,
            byte[] getPayload) implements ChaincodeEvent {
        static Raw of(final long block, final String txId, final String name, final String payload) {
            return new Raw(block, txId, ScriptedLedger.CHAINCODE, name, payload.getBytes(StandardCharsets.UTF_8));
        }

        static Raw of(final long block, final String txId, final LedgerEvent event) {
            return of(block, txId, event.type().eventName(), CanonicalJson.toJson(event));
        }
    }

    final Network network = mock(Network.class);
    final ChaincodeEventsRequest.Builder request = mock(ChaincodeEventsRequest.Builder.class, Answers.RETURNS_SELF);
    private final Deque<ChaincodeEvent> events = new ArrayDeque<>();
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final CountDownLatch waiting = new CountDownLatch(1);
    private boolean live;
    private Status.Code failure;

    ScriptedEvents() {
        final ChaincodeEventsRequest built = mock(ChaincodeEventsRequest.class);
        when(network.getContract(anyString(), anyString())).thenAnswer(inv -> mock(Contract.class));
        when(network.newChaincodeEventsRequest(ScriptedLedger.CHAINCODE)).thenReturn(request);
        when(request.build()).thenReturn(built);
        when(built.getEvents()).thenReturn(this);
    }

    LedgerEvents events() {
        return SafePassageChaincode.of(network, ScriptedLedger.CHAINCODE).events();
    }

    ScriptedEvents add(final ChaincodeEvent event) {
        events.add(event);
        return this;
    }

    /** After the scripted events, block like a live stream until closed. */
    ScriptedEvents thenWait() {
        live = true;
        return this;
    }

    /** After the scripted events, fail with this gRPC status. */
    ScriptedEvents thenFail(final Status.Code code) {
        failure = code;
        return this;
    }

    /** Waits until a reader is blocked waiting for the next event. */
    boolean awaitReader() throws InterruptedException {
        return waiting.await(5, TimeUnit.SECONDS);
    }

    boolean isClosed() {
        return cancelled.getCount() == 0;
    }

    @Override
    public boolean hasNext() {
        if (!events.isEmpty()) {
            return true;
        }
        if (failure != null) {
            throw new GatewayRuntimeException(Status.fromCode(failure).asRuntimeException());
        }
        if (live) {
            waiting.countDown();
            try {
                cancelled.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new GatewayRuntimeException(Status.CANCELLED.withDescription("context cancelled").asRuntimeException());
        }
        return false;
    }

    @Override
    public ChaincodeEvent next() {
        hasNext();
        return events.remove();
    }

    @Override
    public void close() {
        cancelled.countDown();
    }
}
