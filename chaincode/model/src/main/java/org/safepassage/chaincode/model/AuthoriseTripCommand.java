package org.safepassage.chaincode.model;

import java.time.Instant;
import java.util.List;

/** Input of {@code trip:AuthoriseTrip}: the guardians pre-authorised a trip. */
public record AuthoriseTripCommand(
        String subjectId,
        Instant validFrom,
        Instant validUntil,
        List<String> posts,
        List<String> countries,
        Direction direction,
        String companionRef,
        List<GuardianApproval> approvals) {

    public AuthoriseTripCommand {
        // Validated by building the trip it describes: one set of rules for both.
        final PreAuthorisedTrip trip = toTrip("validation-only", subjectId, validFrom, validUntil, posts, countries,
                direction, companionRef, approvals, Instant.EPOCH);
        posts = trip.posts();
        countries = trip.countries();
        approvals = trip.approvals();
        Require.that(!approvals.isEmpty(), "approvals: at least one guardian must approve");
    }

    /** The active trip this command authorises, in transaction {@code tripId} at {@code at}. */
    public PreAuthorisedTrip toTrip(final String tripId, final Instant at) {
        return toTrip(tripId, subjectId, validFrom, validUntil, posts, countries, direction, companionRef, approvals,
                at);
    }

    private static PreAuthorisedTrip toTrip(final String tripId, final String subjectId, final Instant validFrom,
            final Instant validUntil, final List<String> posts, final List<String> countries,
            final Direction direction, final String companionRef, final List<GuardianApproval> approvals,
            final Instant at) {
        return new PreAuthorisedTrip(tripId, subjectId, validFrom, validUntil, posts, countries, direction,
                companionRef, approvals, TripStatus.ACTIVE, at, null);
    }
}
