package org.safepassage.guardian.oversight;

import org.safepassage.chaincode.client.ChaincodeRefusedException;
import org.safepassage.chaincode.client.LedgerException;
import org.safepassage.chaincode.client.LedgerUnavailableException;

/** Says in a sentence why the ledger could not answer, keyed on the chaincode's error code. */
final class LedgerProblem {
    private LedgerProblem() {
    }

    static String sentence(final RuntimeException e) {
        if (e instanceof ChaincodeRefusedException refused) {
            return switch (refused.getCode()) {
                case SUBJECT_NOT_FOUND -> "The ledger has no subject with this id.";
                case ALERT_NOT_FOUND -> "The ledger has no alert with this id.";
                case ALERT_ALREADY_ACKNOWLEDGED -> "Another analyst has already concluded on this alert.";
                case INVALID_ARGUMENT -> "This is not a subject id: ids are 16 to 64 letters, digits, - or _.";
                case ACCESS_DENIED -> "The ledger does not let this service read that record.";
                default -> "The ledger refused the request (" + refused.getCode() + ").";
            };
        }
        if (e instanceof LedgerUnavailableException || e instanceof LedgerException) {
            return "The ledger cannot be reached right now; try again in a minute.";
        }
        return "The ledger could not be read (" + e.getClass().getSimpleName() + "); try again in a minute.";
    }
}
