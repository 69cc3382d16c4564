package org.safepassage.chaincode.model;

import static org.safepassage.chaincode.model.Organisation.BORDER;
import static org.safepassage.chaincode.model.Organisation.CHILD_PROTECTION;
import static org.safepassage.chaincode.model.Organisation.REGISTRY;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which organisations' peers must endorse each kind of write: the one table both ledgers enforce.
 *
 * <p>Fabric's validator checks a written key against the validation parameter committed on that key before the
 * transaction, and a key without one (every key a transaction creates) against the chaincode-level policy. So
 * {@link #CREATION} is the chaincode-level policy, strict enough for every record any transaction creates, and each
 * kind of record names who must endorse any later write of it; the chaincode sets that as the key's validation
 * parameter when it writes the record.
 */
public enum Endorsers {
    /** {@code subject [subjectId]}: guardians, quorum, commitment, missing flag, erasure decide who may cross. */
    SUBJECT("subject", REGISTRY, CHILD_PROTECTION),
    /** {@code commitment [scheme, commitment]}: the index a scan identifies a person by. */
    COMMITMENT("commitment", REGISTRY, CHILD_PROTECTION),
    /** {@code erasure [subjectId]}: the proof of an erasure. */
    ERASURE("erasure", REGISTRY, CHILD_PROTECTION),
    /** {@code request [requestId]}: guardian decisions, expiry, cancellation, use by a crossing. */
    REQUEST("request", BORDER, CHILD_PROTECTION),
    /** {@code crossing [subjectId, crossingId]}: a crossing, never rewritten. */
    CROSSING("crossing", BORDER, CHILD_PROTECTION),
    /** {@code trip [subjectId, tripId]}: a pre-authorisation to cross, and its revocation. */
    TRIP("trip", BORDER, CHILD_PROTECTION),
    /** {@code alert [alertId]}: an analyst's acknowledgement is the child-protection agency's own conclusion. */
    ALERT("alert", CHILD_PROTECTION),
    /**
     * {@code auditanchor [mspId, rowCount]}: an anchored head of an organisation's access audit, never rewritten. It
     * witnesses against the organisation's own insiders, so no agency, nor two of them, may rewrite it.
     */
    AUDIT_ANCHOR("auditanchor", REGISTRY, BORDER, CHILD_PROTECTION),
    /** {@code audithead [mspId]}: the latest anchor, which the next must not contradict; as the anchors. */
    AUDIT_HEAD("audithead", REGISTRY, BORDER, CHILD_PROTECTION);

    /**
     * The chaincode-level policy, as an AND of these organisations' peers: every key created, and every
     * transaction that writes nothing, needs all of them.
     */
    public static final Set<Organisation> CREATION = EnumSet.of(REGISTRY, BORDER, CHILD_PROTECTION);

    private final String objectType;
    private final Set<Organisation> organisations;

    Endorsers(final String objectType, final Organisation first, final Organisation... rest) {
        this.objectType = objectType;
        this.organisations = EnumSet.of(first, rest);
    }

    /** @return the composite-key object type of the records of this kind */
    public String objectType() {
        return objectType;
    }

    /** @return the organisations whose peers must all endorse a write of an existing record of this kind */
    public Set<Organisation> organisations() {
        return EnumSet.copyOf(organisations);
    }

    /** @return their MSP ids, sorted */
    public List<String> mspIds() {
        return sortedMspIds(organisations);
    }

    /**
     * The chaincode-level policy in Fabric's policy language, as {@code peer lifecycle chaincode approveformyorg
     * --signature-policy} takes it: {@code AND('BorderMSP.peer','ChildProtectionMSP.peer','RegistryMSP.peer')}.
     *
     * @return the expression
     */
    public static String chaincodePolicy() {
        return sortedMspIds(CREATION).stream()
                .map(msp -> "'" + msp + ".peer'")
                .collect(Collectors.joining(",", "AND(", ")"));
    }

    /**
     * @param objectType a composite key's object type
     * @return the kind of record stored under it
     * @throws IllegalArgumentException if the chaincode stores no such record
     */
    public static Endorsers forObjectType(final String objectType) {
        for (Endorsers kind : values()) {
            if (kind.objectType.equals(objectType)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no record kind for object type " + objectType);
    }

    private static List<String> sortedMspIds(final Set<Organisation> organisations) {
        return organisations.stream().map(Organisation::mspId).sorted().toList();
    }
}
