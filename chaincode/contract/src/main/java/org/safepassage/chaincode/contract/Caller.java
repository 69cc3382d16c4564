package org.safepassage.chaincode.contract;

import java.util.Arrays;
import java.util.Locale;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.Identifiers;
import org.safepassage.chaincode.model.Role;

/**
 * The identity that signed the proposal: its organisation, its role attribute and its common name.
 *
 * @param mspId the caller's organisation
 * @param role the role from the certificate's {@code role} attribute, or null if it has none we know
 * @param name {@code MSP/common name}: the terminal or service that acted, as recorded on the ledger
 */
public record Caller(String mspId, Role role, String name) {

    /** The caller of the current transaction. */
    public static Caller of(final Context ctx) {
        final ClientIdentity identity = ctx.getClientIdentity();
        final String roleValue = identity.getAttributeValue(Role.ATTRIBUTE);
        final Role role = Arrays.stream(Role.values())
                .filter(r -> r.attributeValue().equals(roleValue))
                .findFirst()
                .orElse(null);
        return new Caller(identity.getMSPID(), role, identity.getMSPID() + "/"
                + Identifiers.commonName(identity.getX509Certificate().getSubjectX500Principal().getName()));
    }

    /** The caller, if {@code access} allows it; otherwise the transaction is refused with ACCESS_DENIED. */
    public static Caller require(final Context ctx, final Access access) {
        final Caller caller = of(ctx);
        caller.check(access);
        return caller;
    }

    /** Refuses the transaction with ACCESS_DENIED unless {@code access} allows this caller. */
    public void check(final Access access) {
        if (!access.allows(mspId, role)) {
            throw Refusal.of(ErrorCode.ACCESS_DENIED, mspId + " with role "
                    + (role == null ? "none" : role.attributeValue()) + " may not " + access.name().toLowerCase(Locale.ROOT));
        }
    }

    /** Refuses the transaction with ACCESS_DENIED unless this caller may act at {@code post} ({@link Access#mayActAt}). */
    public void checkPost(final String post) {
        if (!Access.mayActAt(mspId, post)) {
            throw Refusal.of(ErrorCode.ACCESS_DENIED, mspId + " may not act at post " + post
                    + ": a border police organisation acts at its own country's posts only");
        }
    }
}
