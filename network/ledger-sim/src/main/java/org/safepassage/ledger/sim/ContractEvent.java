package org.safepassage.ledger.sim;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.protobuf.ByteString;
import java.util.Arrays;
import java.util.Objects;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;

/**
 * The chaincode event a transaction set with {@code setEvent}; Fabric keeps only the last one per transaction.
 *
 * @param name event name
 * @param payload event payload, empty when none was given
 */
public record ContractEvent(String name, byte[] payload) {

    /** Copies the payload. */
    public ContractEvent {
        Objects.requireNonNull(name, "name");
        payload = payload == null ? new byte[0] : payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** @return the payload decoded as UTF-8 */
    public String payloadAsString() {
        return new String(payload, UTF_8);
    }

    /**
     * @param chaincodeId the chaincode name to stamp on the event
     * @param txId the transaction id to stamp on the event
     * @return the protobuf {@code peer.ChaincodeEvent} as a peer emits it
     */
    public ChaincodeEvent toProto(final String chaincodeId, final String txId) {
        return ChaincodeEvent.newBuilder()
                .setChaincodeId(chaincodeId)
                .setTxId(txId)
                .setEventName(name)
                .setPayload(ByteString.copyFrom(payload))
                .build();
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof ContractEvent other && name.equals(other.name) && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "ContractEvent[" + name + ", " + payloadAsString() + "]";
    }
}
