package org.safepassage.chaincode.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safepassage.chaincode.model.Fixtures.EVIDENCE;
import static org.safepassage.chaincode.model.Fixtures.G1;
import static org.safepassage.chaincode.model.Fixtures.SUBJECT;
import static org.safepassage.chaincode.model.Fixtures.T0;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreAuthorisedTripTest {
    private static final String COMPANION = "companion-0001-aaaa";

    private static PreAuthorisedTrip trip(final List<String> posts, final List<String> countries,
            final Direction direction, final String companion) {
        return new PreAuthorisedTrip("tx-trip-00000001", SUBJECT, T0, T0.plus(Duration.ofDays(10)), posts, countries,
                direction, companion, List.of(new GuardianApproval(G1, EVIDENCE)), TripStatus.ACTIVE, T0, null);
    }

    @Test
    void covers_a_listed_post_in_its_window() {
        final PreAuthorisedTrip trip = trip(List.of("MD-LEUSENI"), List.of(), Direction.EXIT, COMPANION);

        assertThat(trip.covers("MD-LEUSENI", Direction.EXIT, COMPANION, T0.plusSeconds(1))).isTrue();
        assertThat(trip.covers("MD-SCULENI", Direction.EXIT, COMPANION, T0.plusSeconds(1))).isFalse();
        assertThat(trip.covers("MD-LEUSENI", Direction.ENTRY, COMPANION, T0.plusSeconds(1))).isFalse();
        assertThat(trip.covers("MD-LEUSENI", Direction.EXIT, "companion-0002-bbbb", T0.plusSeconds(1))).isFalse();
        assertThat(trip.covers("MD-LEUSENI", Direction.EXIT, COMPANION, T0.plus(Duration.ofDays(10)))).isFalse();
        assertThat(trip.covers("MD-LEUSENI", Direction.EXIT, COMPANION, T0.minusSeconds(1))).isFalse();
    }

    @Test
    void covers_any_post_of_a_listed_country_both_ways_with_any_companion() {
        final PreAuthorisedTrip trip = trip(List.of(), List.of("RO"), null, null);

        assertThat(trip.covers("RO-SCULENI", Direction.ENTRY, null, T0)).isTrue();
        assertThat(trip.covers("RO-SCULENI", Direction.EXIT, COMPANION, T0)).isTrue();
        assertThat(trip.covers("MD-SCULENI", Direction.EXIT, null, T0)).isFalse();
    }

    @Test
    void covers_nothing_once_revoked() {
        final PreAuthorisedTrip revoked = trip(List.of(), List.of("RO"), null, null)
                .revoked(new TripRevocation(G1, EVIDENCE, T0.plusSeconds(5)));

        assertThat(revoked.covers("RO-SCULENI", Direction.ENTRY, null, T0.plusSeconds(10))).isFalse();
    }

    @Test
    void refuses_a_trip_without_places_or_longer_than_a_year() {
        assertThatThrownBy(() -> trip(List.of(), List.of(), null, null)).hasMessageContaining("at least one post");
        assertThatThrownBy(() -> new PreAuthorisedTrip("tx-trip-00000001", SUBJECT, T0, T0.plus(Duration.ofDays(400)),
                        List.of(), List.of("RO"), null, null, List.of(), TripStatus.ACTIVE, T0, null))
                .hasMessageContaining("at most 366 days");
    }
}
