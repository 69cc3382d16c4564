package org.safepassage.chaincode.contract;

import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.contract.Context;
import org.safepassage.chaincode.model.ActorAttribution;
import org.safepassage.chaincode.model.Actors;
import org.safepassage.chaincode.model.ErrorCode;

/**
 * Per-person attribution: when the calling service names whom it acts for (the transient {@code actor}: a person, or
 * the service itself for what no person asked for), the transaction writes an {@link ActorAttribution} beside its own
 * writes. Every contract calls this before each transaction, so no transaction family can forget it. The transient
 * data itself never reaches the ledger.
 */
public final class Attribution {
    private Attribution() {}

    /** Records the actor of the current transaction, if its proposal names one; refuses a malformed one. */
    public static void record(final Context ctx) {
        final byte[] named = ctx.getStub().getTransient().get(Actors.TRANSIENT_KEY);
        if (named == null) {
            return;
        }
        final String actor = new String(named, StandardCharsets.UTF_8);
        if (!Actors.valid(actor)) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "actor: a pseudonymous identifier, not personal data");
        }
        final Ledger ledger = Ledger.of(ctx);
        ledger.put(new ActorAttribution(ledger.txId(), ctx.getStub().getFunction(), actor, Caller.of(ctx).name(),
                ledger.now()));
    }
}
