package org.safepassage.ledger.sim;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import org.hyperledger.fabric.shim.ledger.KeyModification;

/**
 * One committed modification of a key, as {@code getHistoryForKey} reports it.
 *
 * @param txId the transaction that wrote the key
 * @param value the value written; empty for a delete
 * @param deleted whether the transaction deleted the key
 * @param timestamp the transaction's proposal timestamp
 * @param version the height the write was committed at
 */
public record HistoryEntry(String txId, byte[] value, boolean deleted, Instant timestamp, Version version)
        implements KeyModification {

    /** Copies the value so the history cannot be altered. */
    public HistoryEntry {
        value = value == null ? new byte[0] : value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public String getTxId() {
        return txId;
    }

    @Override
    public byte[] getValue() {
        return value();
    }

    @Override
    public String getStringValue() {
        return new String(value, UTF_8);
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    @Override
    public boolean isDeleted() {
        return deleted;
    }
}
