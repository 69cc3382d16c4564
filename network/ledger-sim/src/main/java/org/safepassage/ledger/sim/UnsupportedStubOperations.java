package org.safepassage.ledger.sim;

import java.util.List;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * The parts of {@link ChaincodeStub} the simulator deliberately does not model: private data collections, rich
 * (CouchDB) queries and chaincode-to-chaincode calls. Each fails loudly so a contract relying on one is noticed in
 * its tests rather than silently misbehaving.
 */
abstract class UnsupportedStubOperations implements ChaincodeStub {
    private static final String PRIVATE_DATA =
            "private data collections are not simulated; SafePassage keeps all state in the public world state";
    private static final String RICH_QUERY =
            "rich queries need a CouchDB state database; the simulator models LevelDB (use key ranges instead)";

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(final String query) {
        throw new UnsupportedOperationException(RICH_QUERY);
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(
            final String query, final int pageSize, final String bookmark) {
        throw new UnsupportedOperationException(RICH_QUERY);
    }

    @Override
    public Chaincode.Response invokeChaincode(
            final String chaincodeName, final List<byte[]> args, final String channel) {
        throw new UnsupportedOperationException(
                "chaincode-to-chaincode invocation is not simulated (called " + chaincodeName + ")");
    }

    @Override
    public byte[] getPrivateData(final String collection, final String key) {
        throw new UnsupportedOperationException(PRIVATE_DATA);
    }

    @Override
    public byte[] getPrivateDataHash(final String collection, final String key) {
        throw new UnsupportedOperationException(PRIVATE_DATA);
    }

    @Override
    public byte[] getPrivateDataValidationParameter(final String collection, final String key) {
        throw new UnsupportedOperationException(PRIVATE_DATA);
    }

    @Override
    public void putPrivateData(final String collection, final String key, final byte[] value) {
        throw new UnsupportedOperationException(PRIVATE_DATA);
    }

    @Override
    public void setPrivateDataValidationParameter(final String collection, final String key, final byte[] value) {
        throw new UnsupportedOperationException(PRIVATE_DATA);
    }

    @Override
    public void delPrivateData(final String collection, final String key) {
        throw new UnsupportedOperationException(PRIVATE_DATA);
    }

    @Override
    public void purgePrivateData(final String collection, final String key) {
        throw new UnsupportedOperationException(PRIVATE_DATA);
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(
            final String collection, final String startKey, final String endKey) {
        throw new UnsupportedOperationException(PRIVATE_DATA);
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            final String collection, final String compositeKey) {
        throw new UnsupportedOperationException(PRIVATE_DATA);
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            final String collection, final CompositeKey compositeKey) {
        throw new UnsupportedOperationException(PRIVATE_DATA);
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            final String collection, final String objectType, final String... attributes) {
        throw new UnsupportedOperationException(PRIVATE_DATA);
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(final String collection, final String query) {
        throw new UnsupportedOperationException(PRIVATE_DATA);
    }
}
