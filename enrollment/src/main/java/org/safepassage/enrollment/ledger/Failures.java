package org.safepassage.enrollment.ledger;

import org.safepassage.chaincode.client.ChaincodeRefusedException;
import org.safepassage.chaincode.client.LedgerConflictException;
import org.safepassage.chaincode.client.TransactionInvalidException;

/** Tells a failure that retrying may cure (an outage, a read conflict) from one it cannot. */
final class Failures {
    private Failures() {}

    static boolean isPermanent(final Throwable failure) {
        return failure instanceof PermanentFailure
                // The chaincode answered with a reason: the same command gets the same answer.
                || failure instanceof ChaincodeRefusedException
                // Invalidated at commit for a reason other than a read conflict (e.g. the endorsement policy).
                || failure instanceof TransactionInvalidException && !(failure instanceof LedgerConflictException)
                // A command the model's record rules refuse to build: the local state can never be sent as is.
                || failure instanceof IllegalArgumentException;
    }

    /** What the operator is shown: the type and message, which name opaque ids and codes, never personal data. */
    static String describe(final Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
