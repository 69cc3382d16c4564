package org.safepassage.chaincode.model;

import java.util.List;
import java.util.Optional;

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
     * What is wrong with a quorum of {@code quorum} over {@code guardians} guardians for a subject of
     * {@code protectionClass}, or empty if the ledger accepts it: a minor needs at least one guardian and a quorum of
     * 1..N; a survivor (an adult) may have none, and a quorum of 0 means nobody is asked. Enrollment counts only the
     * guardians whose phone is verified, since only they can be asked.
     */
    public static Optional<String> quorumProblem(final ProtectionClass protectionClass, final int guardians,
            final int quorum) {
        if (protectionClass == ProtectionClass.MINOR) {
            if (guardians < 1) {
                return Optional.of("guardianRefs: a minor needs at least one guardian");
            }
            if (quorum < 1 || quorum > guardians) {
                return Optional.of("approvalQuorum: must be between 1 and the number of guardians");
            }
        } else if (quorum < 0 || quorum > guardians) {
            return Optional.of("approvalQuorum: must be between 0 and the number of guardians");
        }
        return Optional.empty();
    }

    static void checkQuorum(final ProtectionClass protectionClass, final List<String> guardianRefs, final int quorum) {
        quorumProblem(protectionClass, guardianRefs.size(), quorum).ifPresent(problem -> Require.that(false, problem));
    }
}
