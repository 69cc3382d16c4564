package org.safepassage.chaincode.contract.trip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.chaincode.contract.TestLedger.EVIDENCE;
import static org.safepassage.chaincode.contract.TestLedger.GUARD;
import static org.safepassage.chaincode.contract.TestLedger.NOTIFIER;
import static org.safepassage.chaincode.contract.TestLedger.OFFICER;
import static org.safepassage.chaincode.contract.TestLedger.POST;
import static org.safepassage.chaincode.contract.TestLedger.json;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.contract.TestLedger;
import org.safepassage.chaincode.model.AuthoriseTripCommand;
import org.safepassage.chaincode.model.Crossing;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.chaincode.model.GuardianApproval;
import org.safepassage.chaincode.model.LegalBasis;
import org.safepassage.chaincode.model.Outcome;
import org.safepassage.chaincode.model.PreAuthorisedTrip;
import org.safepassage.chaincode.model.RecordCrossingCommand;
import org.safepassage.chaincode.model.RevokeTripCommand;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.chaincode.model.TripStatus;

class TripContractTest {
    private final TestLedger ledger = new TestLedger();
    private final String companion = ledger.newId("companion");

    private AuthoriseTripCommand trip(final Subject subject, final List<String> approvingGuardians) {
        final Instant now = ledger.now();
        return new AuthoriseTripCommand(subject.subjectId(), now, now.plus(Duration.ofDays(14)), List.of(POST),
                List.of("RO"), Direction.EXIT, companion,
                approvingGuardians.stream().map(g -> new GuardianApproval(g, EVIDENCE)).toList());
    }

    private String crossing(final Subject subject, final String post, final String tripId) {
        return json(new RecordCrossingCommand(subject.subjectId(), post, Direction.EXIT, Outcome.ALLOWED, companion,
                LegalBasis.preauthorised(tripId)));
    }

    @Nested
    class AuthoriseTrip {
        @Test
        void a_quorum_of_guardians_authorises_a_trip_that_lets_the_minor_cross() {
            final Subject subject = ledger.registerMinor(2, 3);

            final PreAuthorisedTrip trip = ledger.ok(NOTIFIER, PreAuthorisedTrip.class, "trip:AuthoriseTrip",
                    json(trip(subject, subject.guardianRefs().subList(0, 2))));

            assertThat(trip.status()).isEqualTo(TripStatus.ACTIVE);
            assertThat(ledger.lastEvent().type()).isEqualTo(EventType.TRIP_AUTHORISED);
            assertThat(ledger.lastEvent().trip()).isEqualTo(trip);
            assertThat(ledger.okList(GUARD, PreAuthorisedTrip.class, "trip:ListTrips", subject.subjectId()))
                    .containsExactly(trip);
            assertThat(ledger.ok(GUARD, Crossing.class, "crossing:RecordCrossing",
                    crossing(subject, POST, trip.tripId())).basis().tripId()).isEqualTo(trip.tripId());
            // the neighbour's post, at the other end of the trip, may rely on it too
            assertThat(ledger.ok(TestLedger.RO_GUARD, Crossing.class, "crossing:RecordCrossing",
                    crossing(subject, "RO-SCULENI", trip.tripId())).outcome()).isEqualTo(Outcome.ALLOWED);
        }

        @Test
        void a_trip_does_not_cover_other_posts_companions_or_times() {
            final Subject subject = ledger.registerMinor(1, 1);
            final PreAuthorisedTrip trip = ledger.ok(NOTIFIER, PreAuthorisedTrip.class, "trip:AuthoriseTrip",
                    json(trip(subject, subject.guardianRefs())));

            assertThat(ledger.refusal(GUARD, "crossing:RecordCrossing", crossing(subject, "MD-PALANCA", trip.tripId())))
                    .isEqualTo(ErrorCode.TRIP_NOT_APPLICABLE);
            assertThat(ledger.refusal(GUARD, "crossing:RecordCrossing",
                            crossing(subject, POST, trip.tripId()).replace(companion, ledger.newId("companion"))))
                    .isEqualTo(ErrorCode.TRIP_NOT_APPLICABLE);
            assertThat(ledger.refusal(GUARD, "crossing:RecordCrossing", crossing(subject, POST, "0000000000000000")))
                    .isEqualTo(ErrorCode.TRIP_NOT_FOUND);
            ledger.advance(Duration.ofDays(15));
            assertThat(ledger.refusal(GUARD, "crossing:RecordCrossing", crossing(subject, POST, trip.tripId())))
                    .isEqualTo(ErrorCode.TRIP_NOT_APPLICABLE);
        }

        @Test
        void fewer_approvals_than_the_quorum_are_refused() {
            final Subject subject = ledger.registerMinor(2, 3);
            final String one = subject.guardianRefs().get(0);

            assertThat(ledger.refusal(NOTIFIER, "trip:AuthoriseTrip", json(trip(subject, List.of(one)))))
                    .isEqualTo(ErrorCode.QUORUM_NOT_MET);
            assertThat(ledger.refusal(NOTIFIER, "trip:AuthoriseTrip", json(trip(subject, List.of(one, one)))))
                    .as("the same guardian twice counts once")
                    .isEqualTo(ErrorCode.QUORUM_NOT_MET);
        }

        @Test
        void only_linked_guardians_count_and_only_for_protected_active_subjects() {
            final Subject subject = ledger.registerMinor(1, 1);

            assertThat(ledger.refusal(NOTIFIER, "trip:AuthoriseTrip",
                            json(trip(subject, List.of(ledger.newId("guardian"))))))
                    .isEqualTo(ErrorCode.GUARDIAN_NOT_LINKED);
            final Subject survivor = ledger.registerSurvivor();
            assertThat(ledger.refusal(NOTIFIER, "trip:AuthoriseTrip",
                            json(trip(survivor, List.of(ledger.newId("guardian"))))))
                    .isEqualTo(ErrorCode.APPROVAL_NOT_REQUIRED);
            ledger.ok(OFFICER, Subject.class, "subject:FlagMissing", subject.subjectId());
            assertThat(ledger.refusal(NOTIFIER, "trip:AuthoriseTrip", json(trip(subject, subject.guardianRefs()))))
                    .isEqualTo(ErrorCode.SUBJECT_FLAGGED_MISSING);
        }

        @Test
        void refuses_bad_input() {
            final Subject subject = ledger.registerMinor(1, 1);
            final String valid = json(trip(subject, subject.guardianRefs()));

            for (final String bad : List.of(valid.replace("\"posts\":[\"" + POST + "\"]", "\"posts\":[\"Leuseni\"]"),
                    valid.replace("\"countries\":[\"RO\"]", "\"countries\":[\"Romania\"]"),
                    valid.replaceAll("\"approvals\":\\[[^]]*]", "\"approvals\":[]"),
                    valid.replace("{", "{\"childName\":\"Ana\","))) {
                assertThat(ledger.refusal(NOTIFIER, "trip:AuthoriseTrip", bad)).as(bad)
                        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
            }
            final Instant now = ledger.now();
            assertThat(ledger.refusal(NOTIFIER, "trip:AuthoriseTrip", json(new AuthoriseTripCommand(
                            subject.subjectId(), now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(1)),
                            List.of(POST), List.of(), null, null,
                            List.of(new GuardianApproval(subject.guardianRefs().get(0), EVIDENCE))))))
                    .as("a window already over")
                    .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        }
    }

    @Nested
    class RevokeTrip {
        @Test
        void any_one_guardian_revokes_and_the_trip_no_longer_lets_the_minor_cross() {
            final Subject subject = ledger.registerMinor(2, 2);
            final PreAuthorisedTrip trip = ledger.ok(NOTIFIER, PreAuthorisedTrip.class, "trip:AuthoriseTrip",
                    json(trip(subject, subject.guardianRefs())));

            final PreAuthorisedTrip revoked = ledger.ok(NOTIFIER, PreAuthorisedTrip.class, "trip:RevokeTrip",
                    json(new RevokeTripCommand(subject.subjectId(), trip.tripId(), subject.guardianRefs().get(1),
                            EVIDENCE)));

            assertThat(revoked.status()).isEqualTo(TripStatus.REVOKED);
            assertThat(revoked.revocation().guardianRef()).isEqualTo(subject.guardianRefs().get(1));
            assertThat(ledger.lastEvent().type()).isEqualTo(EventType.TRIP_REVOKED);
            assertThat(ledger.refusal(GUARD, "crossing:RecordCrossing", crossing(subject, POST, trip.tripId())))
                    .isEqualTo(ErrorCode.TRIP_NOT_APPLICABLE);
            assertThat(ledger.refusal(NOTIFIER, "trip:RevokeTrip", json(new RevokeTripCommand(subject.subjectId(),
                            trip.tripId(), subject.guardianRefs().get(0), EVIDENCE))))
                    .isEqualTo(ErrorCode.TRIP_ALREADY_REVOKED);
        }

        @Test
        void refuses_strangers_unknown_trips_and_bad_input() {
            final Subject subject = ledger.registerMinor(1, 1);
            final PreAuthorisedTrip trip = ledger.ok(NOTIFIER, PreAuthorisedTrip.class, "trip:AuthoriseTrip",
                    json(trip(subject, subject.guardianRefs())));

            assertThat(ledger.refusal(NOTIFIER, "trip:RevokeTrip", json(new RevokeTripCommand(subject.subjectId(),
                            trip.tripId(), ledger.newId("guardian"), EVIDENCE))))
                    .isEqualTo(ErrorCode.GUARDIAN_NOT_LINKED);
            assertThat(ledger.refusal(NOTIFIER, "trip:RevokeTrip", json(new RevokeTripCommand(subject.subjectId(),
                            "0000000000000000", subject.guardianRefs().get(0), EVIDENCE))))
                    .isEqualTo(ErrorCode.TRIP_NOT_FOUND);
            assertThat(ledger.refusal(NOTIFIER, "trip:RevokeTrip", "{\"tripId\":\"" + trip.tripId() + "\"}"))
                    .isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(ledger.refusal(GUARD, "trip:ListTrips", "?")).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        }
    }
}
