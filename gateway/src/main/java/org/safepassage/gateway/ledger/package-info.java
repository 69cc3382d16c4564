/** The ledger connections, one per border post identity: entry point {@link org.safepassage.gateway.ledger.PostLedgers}. */
package org.safepassage.gateway.ledger;
