/**
 * Pre-authorised trips: guardians approve a trip in advance, any one of them can revoke it. Entry point:
 * {@link org.safepassage.chaincode.contract.trip.TripContract}.
 */
package org.safepassage.chaincode.contract.trip;
