package org.safepassage.ledger.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Accumulates what one simulation reads and writes, with Fabric's rules for read-only paginated queries. */
final class RwSetRecorder {
    private final String txId;
    private final Map<String, ReadWriteSet.Read> reads = new TreeMap<>(KeyOrder.COMPARATOR);
    private final Map<String, ReadWriteSet.Write> writes = new TreeMap<>(KeyOrder.COMPARATOR);
    private final Map<String, ReadWriteSet.MetadataWrite> metadataWrites = new TreeMap<>(KeyOrder.COMPARATOR);
    private final List<ReadWriteSet.RangeQuery> rangeQueries = new ArrayList<>();
    private boolean wrote;
    private boolean paginated;

    RwSetRecorder(final String txId) {
        this.txId = txId;
    }

    synchronized void read(final String key, final Version version) {
        // Versions cannot change while the simulation holds the state lock, so the first read stands.
        reads.putIfAbsent(key, new ReadWriteSet.Read(key, version));
    }

    /** Records a write; {@code value} null or empty is a delete, as the peer stores an empty value as nil. */
    synchronized void write(final String key, final byte[] value) {
        beforeWrite();
        writes.put(key, new ReadWriteSet.Write(key, value == null || value.length == 0 ? null : value));
    }

    synchronized void metadataWrite(final String key, final byte[] validationParameter) {
        beforeWrite();
        metadataWrites.put(key, new ReadWriteSet.MetadataWrite(key, validationParameter));
    }

    synchronized void rangeQuery(final ReadWriteSet.RangeQuery query) {
        rangeQueries.add(query);
    }

    /** Fabric serves paginated queries only to read-only transactions. */
    synchronized void beforePaginatedQuery() {
        if (wrote) {
            throw new IllegalStateException("txid [" + txId + "]: paginated queries are supported only in a"
                    + " read-only transaction, and this transaction has already written");
        }
        paginated = true;
    }

    private void beforeWrite() {
        if (paginated) {
            throw new IllegalStateException(
                    "txid [" + txId + "]: the transaction has already performed a paginated query; writes are not allowed");
        }
        wrote = true;
    }

    synchronized ReadWriteSet build() {
        return new ReadWriteSet(
                List.copyOf(reads.values()),
                rangeQueries,
                List.copyOf(writes.values()),
                List.copyOf(metadataWrites.values()));
    }
}
