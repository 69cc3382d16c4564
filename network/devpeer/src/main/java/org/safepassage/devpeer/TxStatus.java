package org.safepassage.devpeer;

import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Where and how a transaction was committed.
 *
 * @param code its validation code
 * @param blockNumber its block
 * @param txIndex its index in the block
 */
record TxStatus(TxValidationCode code, long blockNumber, int txIndex) {}
