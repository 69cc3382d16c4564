/**
 * Anchors for the organisations' off-chain access-audit trails: a hash and a row count, never personal data.
 * Entry point: {@link org.safepassage.chaincode.contract.audit.AuditContract}.
 */
package org.safepassage.chaincode.contract.audit;
