package org.safepassage.chaincode.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A trip the guardians approved in advance, so the minor crosses without an SMS round trip.
 *
 * @param tripId the id of the authorising transaction
 * @param posts the posts the trip may use; with {@code countries}, at least one of the two is non-empty
 * @param countries the countries (ISO alpha-2) whose posts the trip may use
 * @param direction the only direction allowed, or absent for both
 * @param companionRef the only companion allowed (keyed hash of the travel document), or absent for any
 * @param approvals the guardians' consents; at least the subject's quorum when authorised
 * @param revocation present once a guardian revoked the trip
 */
public record PreAuthorisedTrip(
        String tripId,
        String subjectId,
        Instant validFrom,
        Instant validUntil,
        List<String> posts,
        List<String> countries,
        Direction direction,
        String companionRef,
        List<GuardianApproval> approvals,
        TripStatus status,
        Instant createdAt,
        TripRevocation revocation) {

    /** Longest window a trip may cover: a school year abroad, not a blank cheque. */
    public static final Duration MAX_WINDOW = Duration.ofDays(366);

    static final int MAX_PLACES = 20;

    public PreAuthorisedTrip {
        Require.ledgerId("tripId", tripId);
        Require.opaqueId("subjectId", subjectId);
        Require.present("validFrom", validFrom);
        Require.present("validUntil", validUntil);
        Require.that(validUntil.isAfter(validFrom), "validUntil: must be after validFrom");
        Require.that(Duration.between(validFrom, validUntil).compareTo(MAX_WINDOW) <= 0,
                "validUntil: a trip may cover at most " + MAX_WINDOW.toDays() + " days");
        posts = Require.distinct("posts", posts, MAX_PLACES, Require::post);
        countries = Require.distinct("countries", countries, MAX_PLACES, Require::country);
        Require.that(!posts.isEmpty() || !countries.isEmpty(), "posts: name at least one post or country");
        Require.optionalOpaqueId("companionRef", companionRef);
        approvals = Require.list("approvals", approvals);
        Require.present("status", status);
        Require.present("createdAt", createdAt);
        Require.that((revocation != null) == (status == TripStatus.REVOKED),
                "revocation: present exactly when the trip is revoked");
    }

    /** Whether this trip lets the subject cross at {@code post} in {@code crossingDirection} at {@code time}. */
    public boolean covers(final String post, final Direction crossingDirection, final String companion,
            final Instant time) {
        return status == TripStatus.ACTIVE
                && !time.isBefore(validFrom)
                && time.isBefore(validUntil)
                && (direction == null || direction == crossingDirection)
                && (companionRef == null || companionRef.equals(companion))
                && (posts.contains(post) || countries.contains(post.substring(0, 2)));
    }

    public PreAuthorisedTrip revoked(final TripRevocation by) {
        return new PreAuthorisedTrip(tripId, subjectId, validFrom, validUntil, posts, countries, direction,
                companionRef, approvals, TripStatus.REVOKED, createdAt, by);
    }
}
