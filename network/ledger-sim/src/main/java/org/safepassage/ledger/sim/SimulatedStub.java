package org.safepassage.ledger.sim;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.protobuf.ByteString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * The {@link org.hyperledger.fabric.shim.ChaincodeStub} for one proposal, answering the way a peer answers the
 * real shim: reads come from the committed state (there is no read-your-own-writes), every read and range scan is
 * recorded with the version seen, writes are buffered (last one wins) and only one chaincode event survives.
 *
 * <p>Instances are created by {@link LedgerSimulator#simulate(Proposal)} and live only for that simulation.
 */
public final class SimulatedStub extends UnsupportedStubOperations {
    /** The shim replaces an empty start key with U+0001 so simple-key ranges skip composite keys (U+0000...). */
    private static final String UNSPECIFIED_START_KEY = "\u0001";
    /** The shim ends partial composite key ranges with U+10FFFF, which no composite key segment may contain. */
    private static final String MAX_UNICODE_RUNE = "\udbff\udfff";

    private final String channelId;
    private final String peerMspId;
    private final Proposal proposal;
    private final Instant timestamp;
    private final WorldState.Snapshot snapshot;
    private final RwSetRecorder recorder;
    private ContractEvent event;

    SimulatedStub(
            final String channelId,
            final String peerMspId,
            final Proposal proposal,
            final Instant timestamp,
            final WorldState.Snapshot snapshot) {
        this.channelId = Objects.requireNonNull(channelId, "channelId");
        this.peerMspId = Objects.requireNonNull(peerMspId, "peerMspId");
        this.proposal = Objects.requireNonNull(proposal, "proposal");
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.recorder = new RwSetRecorder(proposal.txId());
    }

    /** @return what this simulation read and wrote so far */
    public ReadWriteSet readWriteSet() {
        return recorder.build();
    }

    /** @return the chaincode event set last, or {@code null} */
    public synchronized ContractEvent contractEvent() {
        return event;
    }

    @Override
    public List<byte[]> getArgs() {
        final List<byte[]> args = new ArrayList<>();
        args.add(proposal.function().getBytes(UTF_8));
        proposal.args().forEach(arg -> args.add(arg.clone()));
        return args;
    }

    @Override
    public List<String> getStringArgs() {
        return getArgs().stream().map(arg -> new String(arg, UTF_8)).toList();
    }

    @Override
    public String getFunction() {
        return proposal.function();
    }

    @Override
    public List<String> getParameters() {
        return proposal.stringArgs();
    }

    @Override
    public String getTxId() {
        return proposal.txId();
    }

    @Override
    public String getChannelId() {
        return channelId;
    }

    /** Returns the committed value, or an empty array when the key does not exist (what the real shim returns). */
    @Override
    public byte[] getState(final String key) {
        final VersionedValue value = readEntry(key);
        return value == null ? new byte[0] : value.value();
    }

    @Override
    public byte[] getStateValidationParameter(final String key) {
        final VersionedValue value = readEntry(key);
        return value == null ? null : value.validationParameter();
    }

    @Override
    public void putState(final String key, final byte[] value) {
        validateKey(key);
        recorder.write(key, Objects.requireNonNull(value, "value cannot be null"));
    }

    @Override
    public void setStateValidationParameter(final String key, final byte[] value) {
        validateKey(key);
        recorder.metadataWrite(key, Objects.requireNonNull(value, "value cannot be null"));
    }

    @Override
    public void delState(final String key) {
        validateKey(key);
        recorder.write(key, null);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(final String startKey, final String endKey) {
        final String start = startKey == null || startKey.isEmpty() ? UNSPECIFIED_START_KEY : startKey;
        final String end = endKey == null ? "" : endKey;
        CompositeKey.validateSimpleKeys(start, end);
        return scan(start, end);
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(
            final String startKey, final String endKey, final int pageSize, final String bookmark) {
        final String start = startKey == null || startKey.isEmpty() ? UNSPECIFIED_START_KEY : startKey;
        final String end = endKey == null ? "" : endKey;
        CompositeKey.validateSimpleKeys(start, end);
        return scanPage(start, end, pageSize, bookmark);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final String compositeKey) {
        return getStateByPartialCompositeKey(
                compositeKey.startsWith(CompositeKey.NAMESPACE)
                        ? CompositeKey.parseCompositeKey(compositeKey)
                        : new CompositeKey(compositeKey));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(
            final String objectType, final String... attributes) {
        return getStateByPartialCompositeKey(new CompositeKey(objectType, attributes));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final CompositeKey compositeKey) {
        final String prefix = partialKeyPrefix(compositeKey);
        return scan(prefix, prefix + MAX_UNICODE_RUNE);
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
            final CompositeKey compositeKey, final int pageSize, final String bookmark) {
        final String prefix = partialKeyPrefix(compositeKey);
        return scanPage(prefix, prefix + MAX_UNICODE_RUNE, pageSize, bookmark);
    }

    @Override
    public CompositeKey createCompositeKey(final String objectType, final String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(final String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    /** History reflects committed blocks only and, as in Fabric, is not part of the read set. */
    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(final String key) {
        return new QueryResults<>(List.<KeyModification>copyOf(snapshot.history(key)));
    }

    @Override
    public synchronized void setEvent(final String name, final byte[] payload) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("event name can not be nil string");
        }
        event = new ContractEvent(name, payload);
    }

    @Override
    public synchronized ChaincodeEvent getEvent() {
        // The shim's own stub fills in only the name and payload; the peer adds chaincode id and tx id later.
        return event == null
                ? null
                : ChaincodeEvent.newBuilder()
                        .setEventName(event.name())
                        .setPayload(ByteString.copyFrom(event.payload()))
                        .build();
    }

    /** Returns {@code null}: in-process proposals are not signed envelopes. ClientIdentity needs only the creator. */
    @Override
    public SignedProposal getSignedProposal() {
        return null;
    }

    @Override
    public Instant getTxTimestamp() {
        return timestamp;
    }

    @Override
    public byte[] getCreator() {
        return proposal.creator().serialized();
    }

    @Override
    public Map<String, byte[]> getTransient() {
        final Map<String, byte[]> copy = new HashMap<>();
        proposal.transientMap().forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    /** The proposal binding as the peer computes it; see {@link Proposal#binding()}. */
    @Override
    public byte[] getBinding() {
        return proposal.binding();
    }

    /** @return the MSP id of the endorsing peer (the real shim reads {@code CORE_PEER_LOCALMSPID}) */
    @Override
    public String getMspId() {
        return peerMspId;
    }

    private VersionedValue readEntry(final String key) {
        Objects.requireNonNull(key, "key cannot be null");
        final VersionedValue value = snapshot.get(key);
        recorder.read(key, value == null ? null : value.version());
        return value;
    }

    private QueryResults<KeyValue> scan(final String start, final String end) {
        final List<Map.Entry<String, VersionedValue>> results = snapshot.range(start, end);
        recorder.rangeQuery(new ReadWriteSet.RangeQuery(start, end, true, reads(results)));
        return new QueryResults<>(keyValues(results));
    }

    /**
     * One page of a range. Fabric's bookmark for key ranges is the first key of the next page ({@code ""} once
     * the range is exhausted), and a scan that stopped early records its last key as an inclusive end.
     */
    private QueryResultsIteratorWithMetadata<KeyValue> scanPage(
            final String start, final String end, final int pageSize, final String bookmark) {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("pageSize must be positive: " + pageSize);
        }
        recorder.beforePaginatedQuery();
        final String from = bookmark == null || bookmark.isEmpty() ? start : bookmark;
        final List<Map.Entry<String, VersionedValue>> all = snapshot.range(from, end);
        final boolean exhausted = all.size() <= pageSize;
        final List<Map.Entry<String, VersionedValue>> page = exhausted ? all : all.subList(0, pageSize);
        final String recordedEnd = exhausted ? end : page.get(page.size() - 1).getKey();
        recorder.rangeQuery(new ReadWriteSet.RangeQuery(from, recordedEnd, exhausted, reads(page)));
        return new QueryResults.Paged(keyValues(page), exhausted ? "" : all.get(pageSize).getKey());
    }

    private static String partialKeyPrefix(final CompositeKey compositeKey) {
        return compositeKey == null
                ? new CompositeKey(UNSPECIFIED_START_KEY).toString()
                : compositeKey.toString();
    }

    private static List<ReadWriteSet.Read> reads(final List<Map.Entry<String, VersionedValue>> entries) {
        return entries.stream()
                .map(e -> new ReadWriteSet.Read(e.getKey(), e.getValue().version()))
                .toList();
    }

    private static List<KeyValue> keyValues(final List<Map.Entry<String, VersionedValue>> entries) {
        return entries.stream()
                .<KeyValue>map(e -> new QueryResults.Entry(e.getKey(), e.getValue().value()))
                .toList();
    }

    private static void validateKey(final String key) {
        Objects.requireNonNull(key, "key cannot be null");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key cannot not be an empty string");
        }
    }
}
