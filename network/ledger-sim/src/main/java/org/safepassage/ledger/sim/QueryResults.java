package org.safepassage.ledger.sim;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Iterator;
import java.util.List;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * Query results materialised when the query runs. The peer prefetches results in batches the same way, so a
 * contract that stops iterating early still has the whole (small) range in its read set.
 */
final class QueryResults<T> implements QueryResultsIterator<T> {
    private final List<T> results;

    QueryResults(final List<T> results) {
        this.results = List.copyOf(results);
    }

    @Override
    public Iterator<T> iterator() {
        return results.iterator();
    }

    @Override
    public void close() {
        // Nothing to release: results are in memory and the snapshot lock belongs to the simulation.
    }

    /** One page of a paginated query, with the bookmark to fetch the next. */
    static final class Paged implements QueryResultsIteratorWithMetadata<KeyValue> {
        private final List<KeyValue> results;
        private final QueryResponseMetadata metadata;

        Paged(final List<KeyValue> results, final String bookmark) {
            this.results = List.copyOf(results);
            this.metadata = QueryResponseMetadata.newBuilder()
                    .setFetchedRecordsCount(results.size())
                    .setBookmark(bookmark)
                    .build();
        }

        @Override
        public QueryResponseMetadata getMetadata() {
            return metadata;
        }

        @Override
        public Iterator<KeyValue> iterator() {
            return results.iterator();
        }

        @Override
        public void close() {
            // Nothing to release.
        }
    }

    /** A key and value as a range query yields them. */
    record Entry(String key, byte[] value) implements KeyValue {
        Entry {
            value = value.clone();
        }

        @Override
        public String getKey() {
            return key;
        }

        @Override
        public byte[] getValue() {
            return value.clone();
        }

        @Override
        public String getStringValue() {
            return new String(value, UTF_8);
        }
    }
}
