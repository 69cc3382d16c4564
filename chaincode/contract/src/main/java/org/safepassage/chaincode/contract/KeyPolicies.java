package org.safepassage.chaincode.contract;

import java.util.EnumMap;
import java.util.Map;
import org.hyperledger.fabric.shim.ext.sbe.StateBasedEndorsement;
import org.hyperledger.fabric.shim.ext.sbe.impl.StateBasedEndorsementFactory;
import org.safepassage.chaincode.model.Endorsers;

/**
 * The key-level validation parameters of {@link Endorsers}: for each kind of record, a signature policy that needs a
 * peer of every organisation the table names (the shim's state-based endorsement, an n-of-n over the organisations'
 * peer roles, sorted by MSP id so every endorser writes identical bytes).
 */
final class KeyPolicies {
    private static final Map<Endorsers, byte[]> POLICIES = new EnumMap<>(Endorsers.class);

    static {
        for (Endorsers kind : Endorsers.values()) {
            final StateBasedEndorsement policy = StateBasedEndorsementFactory.getInstance().newStateBasedEndorsement(null);
            policy.addOrgs(StateBasedEndorsement.RoleType.RoleTypePeer, kind.mspIds().toArray(String[]::new));
            POLICIES.put(kind, policy.policy());
        }
    }

    private KeyPolicies() {}

    /** @return the serialized policy for records of {@code kind} (a copy) */
    static byte[] of(final Endorsers kind) {
        return POLICIES.get(kind).clone();
    }
}
