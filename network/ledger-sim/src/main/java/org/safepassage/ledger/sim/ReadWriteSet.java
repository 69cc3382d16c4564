package org.safepassage.ledger.sim;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.protobuf.ByteString;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVMetadataEntry;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVMetadataWrite;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRead;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.QueryReads;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.RangeQueryInfo;
import org.hyperledger.fabric.protos.peer.MetaDataKeys;

/**
 * The public-state read/write set of one simulated transaction, in the order a peer's RWSetBuilder emits it:
 * reads, writes and metadata writes sorted by key, range queries in the order they ran.
 *
 * @param reads keys read and the version seen
 * @param rangeQueries range scans and the keys they returned, for phantom-read validation
 * @param writes the last value written to each key, or a delete
 * @param metadataWrites key-level validation parameters set
 */
public record ReadWriteSet(
        List<Read> reads, List<RangeQuery> rangeQueries, List<Write> writes, List<MetadataWrite> metadataWrites) {

    /** A read/write set with nothing in it, as for a proposal the peer rejected before running chaincode. */
    public static final ReadWriteSet EMPTY = new ReadWriteSet(List.of(), List.of(), List.of(), List.of());

    /** Makes the lists immutable. */
    public ReadWriteSet {
        reads = List.copyOf(reads);
        rangeQueries = List.copyOf(rangeQueries);
        writes = List.copyOf(writes);
        metadataWrites = List.copyOf(metadataWrites);
    }

    /**
     * @param key the key
     * @return the read of that key, if the transaction read it
     */
    public Optional<Read> read(final String key) {
        return reads.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    /**
     * @param key the key
     * @return the write of that key, if the transaction wrote or deleted it
     */
    public Optional<Write> write(final String key) {
        return writes.stream().filter(w -> w.key().equals(key)).findFirst();
    }

    /** @return the protobuf {@code kvrwset.KVRWSet} a peer puts in its proposal response */
    public KVRWSet toProto() {
        final KVRWSet.Builder builder = KVRWSet.newBuilder();
        reads.forEach(read -> builder.addReads(read.toProto()));
        rangeQueries.forEach(query -> builder.addRangeQueriesInfo(query.toProto()));
        writes.forEach(write -> builder.addWrites(write.toProto()));
        metadataWrites.forEach(write -> builder.addMetadataWrites(write.toProto()));
        return builder.build();
    }

    /**
     * The inverse of {@link #toProto()}, for rebuilding state from the transactions of stored blocks.
     *
     * @param proto a {@code kvrwset.KVRWSet} as a peer endorsed it
     * @return the read/write set
     */
    public static ReadWriteSet fromProto(final KVRWSet proto) {
        Objects.requireNonNull(proto, "proto");
        return new ReadWriteSet(
                proto.getReadsList().stream().map(Read::fromProto).toList(),
                proto.getRangeQueriesInfoList().stream().map(RangeQuery::fromProto).toList(),
                proto.getWritesList().stream()
                        .map(w -> new Write(w.getKey(), w.getIsDelete() ? null : w.getValue().toByteArray()))
                        .toList(),
                proto.getMetadataWritesList().stream().map(MetadataWrite::fromProto).toList());
    }

    /** @return the serialized {@link #toProto()}, for byte-for-byte comparison */
    public byte[] toByteArray() {
        return toProto().toByteArray();
    }

    /**
     * A key read during simulation.
     *
     * @param key the key
     * @param version the committed version seen, or {@code null} when the key did not exist
     */
    public record Read(String key, Version version) {
        /** Requires a key. */
        public Read {
            Objects.requireNonNull(key, "key");
        }

        static Read fromProto(final KVRead proto) {
            return new Read(
                    proto.getKey(),
                    proto.hasVersion()
                            ? new Version(proto.getVersion().getBlockNum(), proto.getVersion().getTxNum())
                            : null);
        }

        KVRead toProto() {
            final KVRead.Builder builder = KVRead.newBuilder().setKey(key);
            if (version != null) {
                builder.setVersion(version.toProto());
            }
            return builder.build();
        }
    }

    /**
     * A key written during simulation.
     *
     * @param key the key
     * @param value the value, or {@code null} for a delete
     */
    public record Write(String key, byte[] value) {
        /** Copies the value. */
        public Write {
            Objects.requireNonNull(key, "key");
            value = value == null ? null : value.clone();
        }

        @Override
        public byte[] value() {
            return value == null ? null : value.clone();
        }

        /** @return whether this write deletes the key */
        public boolean isDelete() {
            return value == null;
        }

        /** @return the value as UTF-8, or {@code null} for a delete */
        public String valueAsString() {
            return value == null ? null : new String(value, UTF_8);
        }

        KVWrite toProto() {
            final KVWrite.Builder builder = KVWrite.newBuilder().setKey(key).setIsDelete(isDelete());
            if (value != null) {
                builder.setValue(ByteString.copyFrom(value));
            }
            return builder.build();
        }

        @Override
        public boolean equals(final Object o) {
            return o instanceof Write other && key.equals(other.key) && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return 31 * key.hashCode() + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Write[" + key + (value == null ? " deleted" : "=" + valueAsString()) + "]";
        }
    }

    /**
     * A key-level endorsement policy set during simulation ({@code setStateValidationParameter}).
     *
     * @param key the key
     * @param validationParameter the serialized policy; empty clears it
     */
    public record MetadataWrite(String key, byte[] validationParameter) {
        /** Copies the parameter. */
        public MetadataWrite {
            Objects.requireNonNull(key, "key");
            validationParameter = validationParameter.clone();
        }

        @Override
        public byte[] validationParameter() {
            return validationParameter.clone();
        }

        static MetadataWrite fromProto(final KVMetadataWrite proto) {
            final byte[] parameter = proto.getEntriesList().stream()
                    .filter(e -> e.getName().equals(MetaDataKeys.VALIDATION_PARAMETER.name()))
                    .findFirst()
                    .map(e -> e.getValue().toByteArray())
                    .orElse(new byte[0]);
            return new MetadataWrite(proto.getKey(), parameter);
        }

        KVMetadataWrite toProto() {
            return KVMetadataWrite.newBuilder()
                    .setKey(key)
                    .addEntries(KVMetadataEntry.newBuilder()
                            .setName(MetaDataKeys.VALIDATION_PARAMETER.name())
                            .setValue(ByteString.copyFrom(validationParameter)))
                    .build();
        }

        @Override
        public boolean equals(final Object o) {
            return o instanceof MetadataWrite other
                    && key.equals(other.key)
                    && Arrays.equals(validationParameter, other.validationParameter);
        }

        @Override
        public int hashCode() {
            return 31 * key.hashCode() + Arrays.hashCode(validationParameter);
        }
    }

    /**
     * A range scan and what it returned. As in Fabric, when the scan was not exhausted {@code endKey} is the last
     * key returned and is inclusive; otherwise it is the exclusive end the caller asked for ({@code ""} for none).
     *
     * @param startKey inclusive start
     * @param endKey end key, see above
     * @param exhausted whether the scan reached the end of the range
     * @param results the keys returned, with their versions
     */
    public record RangeQuery(String startKey, String endKey, boolean exhausted, List<Read> results) {
        /** Makes the results immutable. */
        public RangeQuery {
            Objects.requireNonNull(startKey, "startKey");
            Objects.requireNonNull(endKey, "endKey");
            results = List.copyOf(results);
        }

        static RangeQuery fromProto(final RangeQueryInfo proto) {
            return new RangeQuery(
                    proto.getStartKey(),
                    proto.getEndKey(),
                    proto.getItrExhausted(),
                    proto.getRawReads().getKvReadsList().stream().map(Read::fromProto).toList());
        }

        RangeQueryInfo toProto() {
            final QueryReads.Builder raw = QueryReads.newBuilder();
            results.forEach(read -> raw.addKvReads(read.toProto()));
            return RangeQueryInfo.newBuilder()
                    .setStartKey(startKey)
                    .setEndKey(endKey)
                    .setItrExhausted(exhausted)
                    .setRawReads(raw)
                    .build();
        }
    }
}
