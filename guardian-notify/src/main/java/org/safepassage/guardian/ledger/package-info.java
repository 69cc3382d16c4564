/** The service's identities on the ledger: the notifier's and the analysts'. */
package org.safepassage.guardian.ledger;
