package org.safepassage.guardian.redflag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safepassage.guardian.redflag.Story.LEUSENI;
import static org.safepassage.guardian.redflag.Story.SCULENI;
import static org.safepassage.guardian.redflag.Story.child;
import static org.safepassage.guardian.redflag.Story.companion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.client.ReceivedEvent;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.Decision;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.chaincode.model.LegalBasis;
import org.safepassage.chaincode.model.Outcome;
import org.safepassage.chaincode.model.PreAuthorisedTrip;
import org.safepassage.chaincode.model.RedFlagCommand;
import org.safepassage.chaincode.model.RedFlagEvidence;
import org.safepassage.chaincode.model.RedFlagRule;

/** Each rule with the default thresholds: cases that must raise and cases that must not. */
class RedFlagEngineTest {
    private final Story story = new Story();
    private final List<WeakSignal> weak = new ArrayList<>();
    private RedFlagSettings settings = RedFlagSettings.defaults();

    private List<RedFlagCommand> run() {
        final RedFlagEngine engine = new RedFlagEngine(settings, story);
        final List<RedFlagCommand> hits = new ArrayList<>();
        for (final ReceivedEvent e : story.events()) {
            final RedFlagEngine.Outcome outcome = engine.accept(e);
            hits.addAll(outcome.alerts());
            weak.addAll(outcome.weakSignals());
        }
        return hits;
    }

    private static List<String> transactions(final RedFlagCommand hit) {
        return hit.evidence().stream().map(RedFlagEvidence::transactionId).toList();
    }

    @Nested
    class CompanionWithManyChildren {
        @Test
        void four_children_with_one_companion_within_30_days_raise_once() {
            for (int i = 1; i <= 5; i++) {
                story.request(child(i), LEUSENI, companion(1));
                story.after(Duration.ofDays(5));
            }

            final List<RedFlagCommand> hits = run();

            assertThat(hits).singleElement().satisfies(hit -> {
                assertThat(hit.rule()).isEqualTo(RedFlagRule.COMPANION_MANY_CHILDREN);
                assertThat(hit.subjectId()).isEqualTo(child(4));
                assertThat(hit.evidence()).extracting(RedFlagEvidence::subjectId)
                        .containsExactly(child(1), child(2), child(3), child(4));
            });
        }

        @Test
        void the_same_child_many_times_or_children_spread_over_months_do_not_raise() {
            for (int i = 0; i < 6; i++) {
                story.request(child(1), LEUSENI, companion(1));
            }
            for (int i = 2; i <= 5; i++) {
                story.after(Duration.ofDays(11));
                story.request(child(i), LEUSENI, companion(2));
            }
            story.request(child(6), LEUSENI, null);

            assertThat(run()).isEmpty();
        }

        @Test
        void three_children_stay_under_the_default() {
            for (int i = 1; i <= 3; i++) {
                story.request(child(i), LEUSENI, companion(1));
            }

            assertThat(run()).isEmpty();
        }
    }

    @Nested
    class ExitsWithoutReturn {
        @Test
        void an_exit_with_no_entry_within_60_days_raises_when_the_ledger_clock_passes_the_deadline() {
            final ReceivedEvent exit = story.exit(child(1));
            story.after(Duration.ofDays(59));
            story.scan(child(2), LEUSENI);
            final int before = run().size();
            story.after(Duration.ofDays(2));
            story.scan(child(2), LEUSENI);

            final List<RedFlagCommand> hits = run();

            assertThat(before).isZero();
            assertThat(hits).singleElement().satisfies(hit -> {
                assertThat(hit.rule()).isEqualTo(RedFlagRule.EXIT_WITHOUT_RETURN);
                assertThat(hit.subjectId()).isEqualTo(child(1));
                assertThat(transactions(hit)).containsExactly(exit.transactionId());
            });
        }

        @Test
        void an_entry_in_time_clears_the_exit() {
            story.exit(child(1));
            story.after(Duration.ofDays(20));
            story.entry(child(1));
            story.after(Duration.ofDays(100));
            story.scan(child(2), LEUSENI);

            assertThat(run()).isEmpty();
        }

        @Test
        void an_entry_after_the_deadline_comes_too_late() {
            story.exit(child(1));
            story.after(Duration.ofDays(61));
            story.entry(child(1));

            assertThat(run()).extracting(RedFlagCommand::rule).containsExactly(RedFlagRule.EXIT_WITHOUT_RETURN);
        }

        @Test
        void a_preauthorised_trip_counts_from_its_end() {
            final PreAuthorisedTrip trip = story.trip(child(1), Duration.ofDays(90));
            final ReceivedEvent exit = story.crossing(child(1), LEUSENI, Direction.EXIT, Outcome.ALLOWED, null,
                    LegalBasis.preauthorised(trip.tripId()));
            story.after(Duration.ofDays(149));
            story.scan(child(2), LEUSENI);
            assertThat(run()).isEmpty();

            story.after(Duration.ofDays(2));
            story.scan(child(2), LEUSENI);

            assertThat(run()).singleElement().satisfies(hit ->
                    assertThat(transactions(hit)).containsExactly(trip.tripId(), exit.transactionId()));
        }
    }

    @Nested
    class FrequentExits {
        @Test
        void five_exits_in_30_days_raise_once() {
            for (int i = 0; i < 6; i++) {
                story.exit(child(1));
                story.after(Duration.ofDays(1));
                story.entry(child(1));
                story.after(Duration.ofDays(4));
            }

            assertThat(run()).singleElement().satisfies(hit -> {
                assertThat(hit.rule()).isEqualTo(RedFlagRule.FREQUENT_EXITS);
                assertThat(hit.evidence()).hasSize(5);
            });
        }

        @Test
        void four_exits_or_five_spread_over_two_months_do_not_raise() {
            for (int i = 0; i < 5; i++) {
                story.exit(child(1));
                story.after(Duration.ofDays(1));
                story.entry(child(1));
                story.after(Duration.ofDays(10));
            }
            for (int i = 0; i < 4; i++) {
                story.exit(child(2));
                story.entry(child(2));
            }
            story.crossing(child(3), LEUSENI, Direction.EXIT, Outcome.DENIED, null, LegalBasis.notRequired());

            assertThat(run()).isEmpty();
        }
    }

    @Nested
    class PostShopping {
        @Test
        void a_refusal_at_one_post_then_a_scan_at_another_within_72_hours_raises() {
            final CrossingRequest r = story.request(child(1), LEUSENI, companion(1));
            story.decide(r, "guardian-of-" + child(1), Decision.REFUSE);
            story.after(Duration.ofHours(30));
            story.scan(child(1), SCULENI);
            story.scan(child(1), "MD-GIURGIULESTI");

            assertThat(run()).singleElement().satisfies(hit -> {
                assertThat(hit.rule()).isEqualTo(RedFlagRule.POST_SHOPPING);
                assertThat(hit.post()).isEqualTo(SCULENI);
                assertThat(hit.evidence()).extracting(RedFlagEvidence::event).containsExactly(
                        EventType.GUARDIAN_DECISION_RECORDED, EventType.SUBJECT_SCANNED);
            });
        }

        @Test
        void an_expired_request_or_a_denied_crossing_then_a_request_elsewhere_raise() {
            story.expire(story.request(child(1), LEUSENI, null));
            story.after(Duration.ofHours(1));
            story.request(child(1), SCULENI, null);
            story.crossing(child(2), LEUSENI, Direction.EXIT, Outcome.DENIED, null, LegalBasis.notRequired());
            story.after(Duration.ofHours(2));
            story.crossing(child(2), SCULENI, Direction.EXIT, Outcome.DENIED, null, LegalBasis.notRequired());

            assertThat(run()).extracting(RedFlagCommand::subjectId).containsExactly(child(1), child(2));
        }

        @Test
        void the_same_post_again_later_than_72_hours_or_after_an_approval_do_not_raise() {
            final CrossingRequest refused = story.request(child(1), LEUSENI, null);
            story.decide(refused, "guardian-of-" + child(1), Decision.REFUSE);
            story.after(Duration.ofHours(2));
            story.scan(child(1), LEUSENI);
            story.after(Duration.ofHours(80));
            story.scan(child(1), SCULENI);
            final CrossingRequest approved = story.request(child(2), LEUSENI, null);
            story.decide(approved, "guardian-of-" + child(2), Decision.APPROVE);
            story.scan(child(2), SCULENI);

            assertThat(run()).isEmpty();
        }
    }

    @Nested
    class PhoneForManyFamilies {
        /** Child n's request, its guardians texted at the given numbers, approved by the first. */
        private void approvedBy(final int n, final String... numbers) {
            final String[] guardians = new String[numbers.length];
            for (int i = 0; i < numbers.length; i++) {
                guardians[i] = "guardian-" + i + "-of-" + child(n);
            }
            final CrossingRequest r = story.request(child(n), LEUSENI, null, guardians);
            for (int i = 0; i < numbers.length; i++) {
                story.texted(r, guardians[i], numbers[i]);
            }
            story.after(Duration.ofMinutes(3));
            story.decide(r, guardians[0], Decision.APPROVE);
            story.after(Duration.ofDays(1));
        }

        @Test
        void one_number_approving_for_children_of_three_families_raises_with_the_decisions_only() {
            approvedBy(1, "hash-p", "hash-mother-a");
            approvedBy(2, "hash-p", "hash-mother-b");
            approvedBy(3, "hash-p", "hash-mother-c");

            assertThat(run()).singleElement().satisfies(hit -> {
                assertThat(hit.rule()).isEqualTo(RedFlagRule.PHONE_MANY_FAMILIES);
                assertThat(hit.evidence()).extracting(RedFlagEvidence::event)
                        .containsOnly(EventType.GUARDIAN_DECISION_RECORDED);
                assertThat(hit.toString()).doesNotContain("hash-");
            });
        }

        @Test
        void a_parent_of_several_children_or_a_grandparent_of_two_families_do_not_raise() {
            // siblings: the same two parents
            approvedBy(1, "hash-p", "hash-q");
            approvedBy(2, "hash-p", "hash-q");
            approvedBy(3, "hash-p", "hash-q");
            // a single parent with two children registered under their number alone
            approvedBy(4, "hash-s");
            approvedBy(5, "hash-s");
            // a grandparent for the children of two of their own children
            approvedBy(6, "hash-g", "hash-a");
            approvedBy(7, "hash-g", "hash-b");
            approvedBy(8, "hash-g", "hash-a");

            assertThat(run()).isEmpty();
        }

        @Test
        void a_number_guardian_notify_never_texted_is_not_judged() {
            story.decide(story.request(child(1), LEUSENI, null), "guardian-of-" + child(1), Decision.APPROVE);

            assertThat(run()).isEmpty();
        }
    }

    @Nested
    class FastApprovals {
        @Test
        void approvals_within_seconds_for_three_children_are_a_weak_signal_and_never_an_alert() {
            for (int i = 1; i <= 3; i++) {
                final String guardian = "guardian-of-" + child(i);
                final CrossingRequest r = story.request(child(i), LEUSENI, null, guardian);
                story.texted(r, guardian, "hash-p");
                story.after(Duration.ofSeconds(10));
                story.decide(r, guardian, Decision.APPROVE);
                story.after(Duration.ofHours(3));
            }

            assertThat(run()).isEmpty();
            assertThat(weak).singleElement().satisfies(s -> assertThat(s.evidence()).hasSize(3));
        }

        @Test
        void slow_approvals_are_no_signal() {
            for (int i = 1; i <= 3; i++) {
                final String guardian = "guardian-of-" + child(i);
                final CrossingRequest r = story.request(child(i), LEUSENI, null, guardian);
                story.texted(r, guardian, "hash-p");
                story.after(Duration.ofMinutes(2));
                story.decide(r, guardian, Decision.APPROVE);
            }

            run();

            assertThat(weak).isEmpty();
        }
    }

    @Nested
    class Replays {
        @Test
        void the_same_stream_read_twice_gives_the_same_alert_ids() {
            for (int i = 1; i <= 4; i++) {
                story.request(child(i), LEUSENI, companion(1));
            }
            story.exit(child(9));
            story.after(Duration.ofDays(70));
            story.scan(child(9), SCULENI);

            final List<String> first = run().stream().map(RedFlagCommand::alertId).toList();
            final List<String> second = run().stream().map(RedFlagCommand::alertId).toList();

            assertThat(first).hasSize(2).isEqualTo(second);
        }

        @Test
        void an_erased_subject_is_forgotten_and_never_named() {
            story.exit(child(1));
            story.after(Duration.ofDays(1));
            story.erase(child(1));
            story.after(Duration.ofDays(90));
            story.scan(child(2), LEUSENI);

            assertThat(run()).isEmpty();
        }
    }

    /** Moldova's exits reconciled with Romania's entries, as configured when RomaniaBorderMSP is on the ledger. */
    @Nested
    class ExitsReconciledWithTheNeighboursEntries {
        private static final String RO_SCULENI = "RO-SCULENI";
        private static final String RO_ALBITA = "RO-ALBITA";

        ExitsReconciledWithTheNeighboursEntries() {
            settings = RedFlagSettings.defaults().reconciling(java.util.Set.of("MD", "RO"));
        }

        private ReceivedEvent roEntry(final String subject, final String post) {
            return story.crossing(subject, post, Direction.ENTRY, Outcome.ALLOWED, null, LegalBasis.notRequired());
        }

        /** Moves the ledger's clock on with another child's scan. */
        private void later(final Duration d) {
            story.after(d);
            story.scan(child(99), LEUSENI);
        }

        @Test
        void an_exit_matched_by_the_neighbours_entry_within_12_hours_raises_nothing() {
            story.exit(child(1));
            story.after(Duration.ofHours(3));
            roEntry(child(1), RO_SCULENI);
            story.after(Duration.ofMinutes(10));
            story.exit(child(2));
            story.after(Duration.ofHours(11));
            roEntry(child(2), RO_ALBITA);
            later(Duration.ofDays(2));

            assertThat(run()).isEmpty();
        }

        @Test
        void an_exit_the_neighbour_never_saw_raises_exit_without_arrival_once_the_12_hours_pass() {
            final ReceivedEvent exit = story.exit(child(1));
            later(Duration.ofHours(11));
            assertThat(run()).isEmpty();

            later(Duration.ofHours(2));
            final List<RedFlagCommand> hits = run();

            assertThat(hits).singleElement().satisfies(hit -> {
                assertThat(hit.rule()).isEqualTo(RedFlagRule.EXIT_WITHOUT_ARRIVAL);
                assertThat(hit.subjectId()).isEqualTo(child(1));
                assertThat(hit.post()).isEqualTo(LEUSENI);
                assertThat(transactions(hit)).containsExactly(exit.transactionId());
            });
        }

        @Test
        void an_entry_with_no_exit_from_moldova_raises_arrival_without_exit() {
            final ReceivedEvent entry = roEntry(child(1), RO_SCULENI);
            later(Duration.ofHours(13));

            assertThat(run()).singleElement().satisfies(hit -> {
                assertThat(hit.rule()).isEqualTo(RedFlagRule.ARRIVAL_WITHOUT_EXIT);
                assertThat(hit.post()).isEqualTo(RO_SCULENI);
                assertThat(transactions(hit)).containsExactly(entry.transactionId());
            });
        }

        @Test
        void the_neighbour_recording_its_entry_before_moldova_records_the_exit_still_matches() {
            roEntry(child(1), RO_SCULENI);
            story.after(Duration.ofMinutes(20));
            story.exit(child(1));
            later(Duration.ofDays(1));

            assertThat(run()).isEmpty();
        }

        @Test
        void an_entry_too_late_or_at_the_same_country_s_post_does_not_match() {
            story.exit(child(1));
            story.after(Duration.ofHours(13));
            roEntry(child(1), RO_SCULENI);
            story.exit(child(2));
            story.after(Duration.ofHours(1));
            story.entry(child(2));
            later(Duration.ofDays(1));

            // child 2 "came back" into Moldova an hour later with no exit from Romania: each side unmatched
            assertThat(run()).extracting(RedFlagCommand::rule, RedFlagCommand::subjectId).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(RedFlagRule.EXIT_WITHOUT_ARRIVAL, child(1)),
                    org.assertj.core.groups.Tuple.tuple(RedFlagRule.ARRIVAL_WITHOUT_EXIT, child(1)),
                    org.assertj.core.groups.Tuple.tuple(RedFlagRule.EXIT_WITHOUT_ARRIVAL, child(2)),
                    org.assertj.core.groups.Tuple.tuple(RedFlagRule.ARRIVAL_WITHOUT_EXIT, child(2)));
        }

        @Test
        void an_entry_the_neighbour_denied_accounts_for_the_exit_and_raises_nothing_itself() {
            story.exit(child(1));
            story.after(Duration.ofHours(1));
            story.crossing(child(1), RO_SCULENI, Direction.ENTRY, Outcome.DENIED, null, LegalBasis.notRequired());
            story.after(Duration.ofHours(1));
            story.entry(child(1));
            later(Duration.ofDays(2));

            assertThat(run()).isEmpty();
        }

        @Test
        void the_neighbours_entry_is_an_arrival_not_a_return_home_and_the_way_back_matches_too() {
            story.exit(child(1));
            story.after(Duration.ofHours(2));
            roEntry(child(1), RO_SCULENI);
            story.after(Duration.ofDays(10));
            story.crossing(child(1), RO_SCULENI, Direction.EXIT, Outcome.ALLOWED, null, LegalBasis.notRequired());
            story.after(Duration.ofHours(1));
            story.crossing(child(1), Story.SCULENI, Direction.ENTRY, Outcome.ALLOWED, null, LegalBasis.notRequired());
            later(Duration.ofDays(70));

            assertThat(run()).isEmpty();

            // arrived in Romania, never came home: only the return is missing
            story.exit(child(2));
            story.after(Duration.ofHours(2));
            roEntry(child(2), RO_SCULENI);
            later(Duration.ofDays(61));
            assertThat(run()).extracting(RedFlagCommand::rule, RedFlagCommand::subjectId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(RedFlagRule.EXIT_WITHOUT_RETURN, child(2)));
        }

        @Test
        void posts_facing_a_third_country_and_crossings_before_the_neighbour_joined_are_not_reconciled() {
            settings = new RedFlagSettings(4, Duration.ofDays(30), 5, Duration.ofDays(30), Duration.ofDays(60),
                    Duration.ofHours(72), 3, Duration.ofDays(90), Duration.ofSeconds(30), 3, Duration.ofHours(12),
                    java.util.Set.of("MD", "RO"), java.util.Set.of("MD-PALANCA"), story.now().plus(Duration.ofDays(1)),
                    "MD");
            story.exit(child(1));
            story.after(Duration.ofDays(2));
            story.crossing(child(2), "MD-PALANCA", Direction.EXIT, Outcome.ALLOWED, null, LegalBasis.notRequired());
            later(Duration.ofDays(1));

            assertThat(run()).isEmpty();
        }

        @Test
        void read_again_from_the_start_the_same_alerts_come_with_the_same_ids() {
            story.exit(child(1));
            roEntry(child(2), RO_ALBITA);
            later(Duration.ofDays(1));

            final List<String> first = run().stream().map(RedFlagCommand::alertId).toList();

            assertThat(first).hasSize(2).isEqualTo(run().stream().map(RedFlagCommand::alertId).toList());
        }
    }
}
