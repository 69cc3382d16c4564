package org.safepassage.ledger.sim;

import java.util.Objects;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * The outcome of {@link LedgerSimulator#submit(Proposal)}: the endorsement and, when it was committable, how the
 * commit went. A failed endorsement is never ordered, as a Gateway client would not submit it: its code is then
 * {@link TxValidationCode#NOT_VALIDATED} and its block number {@code -1}.
 *
 * @param endorsement the simulation result
 * @param validationCode the commit-time validation code
 * @param blockNumber the block the transaction went into, or {@code -1}
 */
public record Result(Endorsement endorsement, TxValidationCode validationCode, long blockNumber) {

    /** Requires the endorsement and code. */
    public Result {
        Objects.requireNonNull(endorsement, "endorsement");
        Objects.requireNonNull(validationCode, "validationCode");
    }

    /** @return whether the transaction was committed and is VALID */
    public boolean isValid() {
        return validationCode == TxValidationCode.VALID;
    }

    /** @return whether the transaction went into a block (valid or not) */
    public boolean isCommitted() {
        return blockNumber >= 0;
    }

    /** @return the chaincode response status */
    public int status() {
        return endorsement.status();
    }

    /** @return the chaincode response message */
    public String message() {
        return endorsement.message();
    }

    /** @return the chaincode response payload */
    public byte[] payload() {
        return endorsement.payload();
    }

    /** @return the chaincode response payload as UTF-8 */
    public String payloadAsString() {
        return endorsement.payloadAsString();
    }

    /** @return the transaction id */
    public String txId() {
        return endorsement.txId();
    }
}
