package org.safepassage.ledger.sim;

import java.util.List;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * A committed block: its number and, per transaction in block order, Fabric's validation code.
 *
 * @param blockNumber the block number (the first committed block is 1; 0 is the implicit genesis block)
 * @param validationCodes one code per transaction, in the order the transactions were given
 */
public record BlockResult(long blockNumber, List<TxValidationCode> validationCodes) {

    /** Makes the codes immutable. */
    public BlockResult {
        validationCodes = List.copyOf(validationCodes);
    }

    /**
     * @param txIndex index of the transaction in the block
     * @return its validation code
     */
    public TxValidationCode code(final int txIndex) {
        return validationCodes.get(txIndex);
    }
}
