/**
 * The border check: scans, crossing requests and guardians' decisions on them, and the crossings themselves, with the
 * rule that a protected minor crosses only with approval, a pre-authorised trip or a supervised override. Entry point:
 * {@link org.safepassage.chaincode.contract.crossing.CrossingContract}.
 */
package org.safepassage.chaincode.contract.crossing;
