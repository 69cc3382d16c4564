/**
 * The SafePassage chaincode: the rules three agencies share, enforced where none of them can bend them alone.
 *
 * <p>{@link org.safepassage.chaincode.contract.ChaincodeServer} is the entry point (chaincode as a service). The
 * contracts live in feature packages ({@code subject}, {@code crossing}, {@code trip}, {@code alert}); this package
 * holds what they share: who may do what ({@link org.safepassage.chaincode.contract.Access}), the caller
 * ({@link org.safepassage.chaincode.contract.Caller}), the typed world state
 * ({@link org.safepassage.chaincode.contract.Ledger}) and refusals with stable codes
 * ({@link org.safepassage.chaincode.contract.Refusal}).
 *
 * <p>Determinism: time comes only from the transaction timestamp, ids only from the transaction id, and every record
 * is written as canonical JSON, so all endorsers produce identical read/write sets.
 */
package org.safepassage.chaincode.contract;
