package org.safepassage.ledger.sim;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;

/**
 * The outcome of simulating a proposal: the chaincode response and the read/write set a peer would endorse.
 * Nothing in it has touched the ledger yet.
 *
 * @param txId transaction id
 * @param timestamp proposal timestamp the chaincode saw
 * @param status chaincode response status (200 for success, 500 for a failed transaction)
 * @param message chaincode response message, or {@code null}
 * @param payload chaincode response payload, empty when none
 * @param readWriteSet what the simulation read and wrote
 * @param event the chaincode event the transaction set, or {@code null}
 * @param endorsers the identities whose endorsement signatures over it verified, which the endorsement policies
 *     are checked against at commit; empty until a peer endorses it
 */
public record Endorsement(
        String txId,
        Instant timestamp,
        int status,
        String message,
        byte[] payload,
        ReadWriteSet readWriteSet,
        ContractEvent event,
        List<Signer> endorsers) {

    /** Fabric's endorser refuses to endorse responses at or above this status (shim.ERRORTHRESHOLD). */
    public static final int ERROR_THRESHOLD = 400;

    /** Copies the payload and the endorsers. */
    public Endorsement {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(readWriteSet, "readWriteSet");
        payload = payload == null ? new byte[0] : payload.clone();
        endorsers = List.copyOf(endorsers);
    }

    /** An endorsement nobody signed yet. */
    public Endorsement(final String txId, final Instant timestamp, final int status, final String message,
            final byte[] payload, final ReadWriteSet readWriteSet, final ContractEvent event) {
        this(txId, timestamp, status, message, payload, readWriteSet, event, List.of());
    }

    /**
     * @param signers the identities whose endorsement signatures verified
     * @return this endorsement, signed by them
     */
    public Endorsement endorsedBy(final Collection<Signer> signers) {
        return new Endorsement(txId, timestamp, status, message, payload, readWriteSet, event, List.copyOf(signers));
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** @return whether a peer would endorse this response (status below 400) */
    public boolean isSuccess() {
        return status < ERROR_THRESHOLD;
    }

    /** @return the payload decoded as UTF-8 */
    public String payloadAsString() {
        return new String(payload, UTF_8);
    }

    /** @return the range scans recorded for phantom-read validation */
    public List<ReadWriteSet.RangeQuery> rangeQueries() {
        return readWriteSet.rangeQueries();
    }

    /** @return the read/write set as the protobuf a peer puts in its proposal response */
    public KVRWSet kvRwSet() {
        return readWriteSet.toProto();
    }
}
