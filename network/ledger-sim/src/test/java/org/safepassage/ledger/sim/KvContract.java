package org.safepassage.ledger.sim;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ext.sbe.StateBasedEndorsement;
import org.hyperledger.fabric.shim.ext.sbe.impl.StateBasedEndorsementFactory;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/** A test-only contract the ContractRouter finds on the test class path; it exercises each stub feature. */
@Contract(name = "kv", info = @Info(title = "ledger-sim test contract", version = "0.0.1"))
public final class KvContract implements ContractInterface {

    @Transaction(name = "Put", intent = Transaction.TYPE.SUBMIT)
    public void put(final Context ctx, final String key, final String value) {
        ctx.getStub().putStringState(key, value);
        ctx.getStub().setEvent("Put", key.getBytes(UTF_8));
    }

    /** Puts a value and makes the peers of the {@code +}-separated organisations its key's endorsers. */
    @Transaction(name = "PutGuarded", intent = Transaction.TYPE.SUBMIT)
    public void putGuarded(final Context ctx, final String key, final String value, final String organisations) {
        ctx.getStub().putStringState(key, value);
        guard(ctx, key, organisations);
    }

    /** Writes one value under two keys. */
    @Transaction(name = "PutTwo", intent = Transaction.TYPE.SUBMIT)
    public void putTwo(final Context ctx, final String first, final String second, final String value) {
        ctx.getStub().putStringState(first, value);
        ctx.getStub().putStringState(second, value);
    }

    /** Only sets a key's validation parameter: a metadata write. */
    @Transaction(name = "Guard", intent = Transaction.TYPE.SUBMIT)
    public void guard(final Context ctx, final String key, final String organisations) {
        final StateBasedEndorsement policy = StateBasedEndorsementFactory.getInstance().newStateBasedEndorsement(null);
        policy.addOrgs(StateBasedEndorsement.RoleType.RoleTypePeer, organisations.split("\\+"));
        ctx.getStub().setStateValidationParameter(key, policy.policy());
    }

    @Transaction(name = "Get", intent = Transaction.TYPE.EVALUATE)
    public String get(final Context ctx, final String key) {
        return ctx.getStub().getStringState(key);
    }

    @Transaction(name = "Delete", intent = Transaction.TYPE.SUBMIT)
    public void delete(final Context ctx, final String key) {
        ctx.getStub().delState(key);
    }

    /** Sets two events; Fabric keeps only the last. */
    @Transaction(name = "Increment", intent = Transaction.TYPE.SUBMIT)
    public int increment(final Context ctx, final String key) {
        final ChaincodeStub stub = ctx.getStub();
        stub.setEvent("IncrementStarted", key.getBytes(UTF_8));
        final String current = stub.getStringState(key);
        final int next = (current.isEmpty() ? 0 : Integer.parseInt(current)) + 1;
        stub.putStringState(key, Integer.toString(next));
        stub.setEvent("Incremented", (key + "=" + next).getBytes(UTF_8));
        return next;
    }

    /** Writes, then reads the same key back: a peer returns the committed value, not the pending write. */
    @Transaction(name = "PutThenGet", intent = Transaction.TYPE.SUBMIT)
    public String putThenGet(final Context ctx, final String key, final String value) {
        ctx.getStub().putStringState(key, value);
        return ctx.getStub().getStringState(key);
    }

    @Transaction(name = "RangeCount", intent = Transaction.TYPE.EVALUATE)
    public int rangeCount(final Context ctx, final String startKey, final String endKey) throws Exception {
        int count = 0;
        try (QueryResultsIterator<KeyValue> results = ctx.getStub().getStateByRange(startKey, endKey)) {
            for (KeyValue ignored : results) {
                count++;
            }
        }
        return count;
    }

    @Transaction(name = "Tag", intent = Transaction.TYPE.SUBMIT)
    public void tag(final Context ctx, final String owner, final String item) {
        final ChaincodeStub stub = ctx.getStub();
        stub.putStringState(stub.createCompositeKey("tag", owner, item).toString(), item);
    }

    /** Lists an owner's tags through a partial composite key query, as "item" values joined with commas. */
    @Transaction(name = "Tags", intent = Transaction.TYPE.EVALUATE)
    public String tags(final Context ctx, final String owner) throws Exception {
        final ChaincodeStub stub = ctx.getStub();
        final List<String> items = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> results = stub.getStateByPartialCompositeKey("tag", owner)) {
            for (KeyValue kv : results) {
                items.add(stub.splitCompositeKey(kv.getKey()).getAttributes().get(1) + "=" + kv.getStringValue());
            }
        }
        return String.join(",", items);
    }

    @Transaction(name = "Whoami", intent = Transaction.TYPE.EVALUATE)
    public String whoami(final Context ctx) {
        final ClientIdentity identity = ctx.getClientIdentity();
        return identity.getMSPID() + ":" + identity.getAttributeValue("role");
    }

    @Transaction(name = "Fail", intent = Transaction.TYPE.SUBMIT)
    public void fail(final Context ctx, final String message) {
        ctx.getStub().putStringState("written-before-failure", "x");
        throw new ChaincodeException(message, "details:" + message);
    }

    @Transaction(name = "History", intent = Transaction.TYPE.EVALUATE)
    public String history(final Context ctx, final String key) throws Exception {
        final List<String> entries = new ArrayList<>();
        try (QueryResultsIterator<KeyModification> history = ctx.getStub().getHistoryForKey(key)) {
            for (KeyModification modification : history) {
                entries.add(modification.isDeleted() ? "<deleted>" : modification.getStringValue());
            }
        }
        return String.join(",", entries);
    }

    @Transaction(name = "TxInfo", intent = Transaction.TYPE.EVALUATE)
    public String txInfo(final Context ctx) {
        final ChaincodeStub stub = ctx.getStub();
        final byte[] secret = stub.getTransient().get("secret");
        return String.join(
                "|",
                stub.getTxId(),
                stub.getTxTimestamp().toString(),
                stub.getChannelId(),
                stub.getMspId(),
                secret == null ? "-" : new String(secret, UTF_8));
    }
}
