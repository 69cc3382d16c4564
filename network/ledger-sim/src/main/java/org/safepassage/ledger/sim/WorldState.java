package org.safepassage.ledger.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * The channel's public world state for one chaincode namespace: keys in UTF-8 byte order, each with its value,
 * key-level validation parameter and the {@link Version} that last wrote it, plus the per-key history of valid
 * writes.
 *
 * <p>Like Fabric's lock-based transaction manager, a simulation holds a shared lock for its whole run so it sees
 * one consistent state, and a block commit takes the exclusive lock, so blocks appear atomically.
 */
public final class WorldState {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<String, VersionedValue> entries = new TreeMap<>(KeyOrder.COMPARATOR);
    private final Map<String, List<HistoryEntry>> history = new HashMap<>();

    WorldState() {}

    /**
     * @param key the key
     * @return the committed entry, if the key exists
     */
    public Optional<VersionedValue> get(final String key) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(entries.get(key));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * @param startKey inclusive start key
     * @param endKey exclusive end key; {@code ""} for no upper bound (as Fabric)
     * @return a copy of the committed entries in the range, in key order
     */
    public NavigableMap<String, VersionedValue> range(final String startKey, final String endKey) {
        lock.readLock().lock();
        try {
            final TreeMap<String, VersionedValue> copy = new TreeMap<>(KeyOrder.COMPARATOR);
            copy.putAll(slice(entries, startKey, endKey, false));
            return Collections.unmodifiableNavigableMap(copy);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * @param key the key
     * @return every valid write of the key, newest first (Fabric 2.x order)
     */
    public List<HistoryEntry> history(final String key) {
        lock.readLock().lock();
        try {
            return newestFirst(key);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** @return the number of keys in the state */
    public int size() {
        lock.readLock().lock();
        try {
            return entries.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Opens a consistent read view; the caller must close it on the same thread. */
    Snapshot snapshot() {
        lock.readLock().lock();
        return new Snapshot();
    }

    /** @return whether this thread is inside a simulation, where a commit would deadlock */
    boolean isReadLockedByCurrentThread() {
        return lock.getReadHoldCount() > 0;
    }

    /**
     * Validates and applies one block. Transactions whose preliminary code is not VALID only take their place in
     * the block; the others get MVCC and phantom-read checks against the state including the earlier valid
     * transactions of the same block, and on success their writes are applied at {@code (blockNum, index)}.
     */
    List<TxValidationCode> commit(final long blockNum, final List<BlockTx> txs) {
        lock.writeLock().lock();
        try {
            // Keys changed by earlier valid transactions of this block: Fabric fails any later read of them,
            // even a read of a key that an earlier transaction deleted without it ever existing.
            final Set<String> touched = new HashSet<>();
            final List<TxValidationCode> codes = new ArrayList<>(txs.size());
            for (int txNum = 0; txNum < txs.size(); txNum++) {
                final BlockTx tx = txs.get(txNum);
                TxValidationCode code = tx.preliminary();
                if (code == TxValidationCode.VALID) {
                    code = MvccValidator.validate(tx.rwSet(), entries, touched);
                }
                if (code == TxValidationCode.VALID) {
                    apply(tx, new Version(blockNum, txNum), touched);
                }
                codes.add(code);
            }
            return codes;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void apply(final BlockTx tx, final Version version, final Set<String> touched) {
        for (ReadWriteSet.Write write : tx.rwSet().writes()) {
            touched.add(write.key());
            if (write.isDelete()) {
                entries.remove(write.key());
            } else {
                // A value write keeps the key's existing validation parameter, as Fabric does.
                final VersionedValue previous = entries.get(write.key());
                entries.put(
                        write.key(),
                        new VersionedValue(
                                write.value(), previous == null ? null : previous.validationParameter(), version));
            }
            history.computeIfAbsent(write.key(), k -> new ArrayList<>())
                    .add(new HistoryEntry(tx.txId(), write.value(), write.isDelete(), tx.timestamp(), version));
        }
        for (ReadWriteSet.MetadataWrite write : tx.rwSet().metadataWrites()) {
            final VersionedValue current = entries.get(write.key());
            if (current == null) {
                continue; // Fabric drops metadata updates for keys that do not exist (or were just deleted)
            }
            final byte[] parameter = write.validationParameter();
            entries.put(write.key(), new VersionedValue(current.value(), parameter.length == 0 ? null : parameter, version));
            touched.add(write.key());
        }
    }

    private List<HistoryEntry> newestFirst(final String key) {
        final List<HistoryEntry> entriesForKey = new ArrayList<>(history.getOrDefault(key, List.of()));
        Collections.reverse(entriesForKey);
        return List.copyOf(entriesForKey);
    }

    /**
     * The entries between two keys, in UTF-8 byte order.
     *
     * @param endKey the end key; {@code ""} means unbounded
     * @param endInclusive whether {@code endKey} itself is included (Fabric's not-exhausted range re-check)
     */
    static NavigableMap<String, VersionedValue> slice(
            final NavigableMap<String, VersionedValue> map,
            final String startKey,
            final String endKey,
            final boolean endInclusive) {
        if (endKey.isEmpty()) {
            return map.tailMap(startKey, true);
        }
        if (KeyOrder.compare(startKey, endKey) > 0) {
            return Collections.emptyNavigableMap(); // LevelDB yields nothing for an inverted range
        }
        return map.subMap(startKey, true, endKey, endInclusive);
    }

    /** A consistent, read-locked view of the state for one simulation. */
    final class Snapshot implements AutoCloseable {
        private boolean closed;

        private Snapshot() {}

        VersionedValue get(final String key) {
            return entries.get(key);
        }

        /** @return the entries in {@code [startKey, endKey)}, copied in key order */
        List<Map.Entry<String, VersionedValue>> range(final String startKey, final String endKey) {
            // Copy into immutable entries: TreeMap's own entries are live nodes a later commit would update.
            return slice(entries, startKey, endKey, false).entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue()))
                    .toList();
        }

        List<HistoryEntry> history(final String key) {
            return newestFirst(key);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                lock.readLock().unlock();
            }
        }
    }

    /**
     * A transaction's place in a block being committed.
     *
     * @param txId transaction id
     * @param timestamp proposal timestamp, recorded in the key history
     * @param rwSet the endorsed read/write set
     * @param preliminary VALID, or the code the committer already assigned (duplicate, endorsement failure)
     */
    record BlockTx(String txId, Instant timestamp, ReadWriteSet rwSet, TxValidationCode preliminary) {
        BlockTx {
            Objects.requireNonNull(txId, "txId");
            Objects.requireNonNull(rwSet, "rwSet");
            Objects.requireNonNull(preliminary, "preliminary");
        }
    }
}
