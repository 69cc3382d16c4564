/**
 * Live request status from the ledger's events and expiry of unanswered requests: entry point
 * {@link org.safepassage.gateway.status.RequestTracker}.
 */
package org.safepassage.gateway.status;
