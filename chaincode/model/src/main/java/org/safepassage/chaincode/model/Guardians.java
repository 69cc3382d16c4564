package org.safepassage.chaincode.model;

import java.util.List;

/**
 * The rule linking a subject's protection class, its guardians and its approval quorum (M of N). Services read the
 * limit from here (enrollment's request, its screen) so that nothing they accept can be refused by the ledger later.
 */
public final class Guardians {
    /** The most guardians a subject may have on the ledger. */
    public static final int MAX_GUARDIANS = 5;

    private Guardians() {}

    static List<String> refs(final List<String> guardianRefs) {
        return Require.distinct("guardianRefs", guardianRefs, MAX_GUARDIANS, Require::opaqueId);
    }

    /**
     * A minor needs at least one guardian and a quorum of 1..N; a survivor (an adult) may have none, and a quorum of 0
     * means nobody is asked.
     */
    static void checkQuorum(final ProtectionClass protectionClass, final List<String> guardianRefs, final int quorum) {
        final int n = guardianRefs.size();
        if (protectionClass == ProtectionClass.MINOR) {
            Require.that(n >= 1, "guardianRefs: a minor needs at least one guardian");
            Require.that(quorum >= 1 && quorum <= n, "approvalQuorum: must be between 1 and the number of guardians");
        } else {
            Require.that(quorum >= 0 && quorum <= n, "approvalQuorum: must be between 0 and the number of guardians");
        }
    }
}
