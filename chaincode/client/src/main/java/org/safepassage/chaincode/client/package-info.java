/**
 * The typed client every SafePassage service uses to call the chaincode through the Fabric Gateway
 * ({@code org.hyperledger.fabric.client}).
 *
 * <p>The entry point is {@link org.safepassage.chaincode.client.SafePassageChaincode#of(org.hyperledger.fabric.client.Network)}:
 * it gives one interface per contract ({@link org.safepassage.chaincode.client.Subjects},
 * {@link org.safepassage.chaincode.client.Crossings}, {@link org.safepassage.chaincode.client.Trips},
 * {@link org.safepassage.chaincode.client.Alerts}) whose methods take and return the records of
 * {@code org.safepassage.chaincode.model}, and {@link org.safepassage.chaincode.client.LedgerEvents} for the chaincode's
 * events.
 *
 * <p>Failures are unchecked and typed: {@link org.safepassage.chaincode.client.ChaincodeRefusedException} (the
 * chaincode said no, with an {@link org.safepassage.chaincode.model.ErrorCode}),
 * {@link org.safepassage.chaincode.client.LedgerConflictException} (a read conflict at commit; retry with
 * {@link org.safepassage.chaincode.client.Retry}), {@link org.safepassage.chaincode.client.TransactionInvalidException}
 * (otherwise invalidated at commit), {@link org.safepassage.chaincode.client.LedgerUnavailableException} (unreachable or
 * too slow) and their base {@link org.safepassage.chaincode.client.LedgerException}. Each keeps the transaction id and
 * the fabric-gateway exception as its cause.
 */
package org.safepassage.chaincode.client;
