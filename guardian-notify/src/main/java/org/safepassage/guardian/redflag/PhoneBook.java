package org.safepassage.guardian.redflag;

import java.util.Optional;
import java.util.Set;

/**
 * What guardian-notify knows and the ledger must not: which phone number each guardian of a request was texted at, as
 * the keyed hash the notifier stores. The ledger's guardian references are per child, so only this links one person
 * approving for several children; the hashes never leave guardian-notify. Public so that the rules can run where there
 * is no guardian-notify (the real-network suite runs them over real Fabric's events, with no phones).
 */
public interface PhoneBook {
    /** The keyed hash of the number this guardian of this request was texted at (and had to reply from). */
    Optional<String> phoneOf(String requestId, String guardianRef);

    /** The keyed hashes of the numbers all guardians of this request were texted at. */
    Set<String> phonesOf(String requestId);
}
