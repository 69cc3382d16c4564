/**
 * Alerts for child-protection analysts. Other contracts raise them; this one lets analysts read and acknowledge them.
 * Entry point: {@link org.safepassage.chaincode.contract.alert.AlertContract}.
 */
package org.safepassage.chaincode.contract.alert;
