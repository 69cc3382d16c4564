package org.safepassage.ledger.sim;

import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/** Fabric's commit-time checks of a read/write set against the state as it stands in the block being committed. */
final class MvccValidator {
    private MvccValidator() {}

    /**
     * @param rwSet the endorsed read/write set
     * @param state committed state, including the writes of earlier valid transactions in this block
     * @param touched keys changed by earlier valid transactions in this block
     * @return VALID, MVCC_READ_CONFLICT or PHANTOM_READ_CONFLICT
     */
    static TxValidationCode validate(
            final ReadWriteSet rwSet, final NavigableMap<String, VersionedValue> state, final Set<String> touched) {
        for (ReadWriteSet.Read read : rwSet.reads()) {
            // Fabric fails a read of any key an earlier transaction in the block updated, without comparing versions.
            if (touched.contains(read.key()) || !Objects.equals(versionOf(state, read.key()), read.version())) {
                return TxValidationCode.MVCC_READ_CONFLICT;
            }
        }
        for (ReadWriteSet.RangeQuery query : rwSet.rangeQueries()) {
            if (!rescan(state, query).equals(query.results())) {
                return TxValidationCode.PHANTOM_READ_CONFLICT;
            }
        }
        return TxValidationCode.VALID;
    }

    /** Re-runs a range query; a scan that was not exhausted ended at (and included) its last returned key. */
    private static List<ReadWriteSet.Read> rescan(
            final NavigableMap<String, VersionedValue> state, final ReadWriteSet.RangeQuery query) {
        return WorldState.slice(state, query.startKey(), query.endKey(), !query.exhausted()).entrySet().stream()
                .map(e -> new ReadWriteSet.Read(e.getKey(), e.getValue().version()))
                .toList();
    }

    private static Version versionOf(final NavigableMap<String, VersionedValue> state, final String key) {
        final VersionedValue value = state.get(key);
        return value == null ? null : value.version();
    }
}
