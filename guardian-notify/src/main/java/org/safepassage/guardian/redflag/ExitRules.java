package org.safepassage.guardian.redflag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.safepassage.chaincode.model.RedFlagCommand;
import org.safepassage.chaincode.model.RedFlagEvidence;
import org.safepassage.chaincode.model.RedFlagRule;

/**
 * A child's exits: too many within a period ({@link RedFlagRule#FREQUENT_EXITS}, at most once per child per period),
 * and an exit with no entry in time ({@link RedFlagRule#EXIT_WITHOUT_RETURN}): {@code returnWithin} after the exit, or
 * after the end of the pre-authorised trip it used. The deadline is judged on the ledger's clock (the latest transaction
 * time read), so a replay fires at the same event. Only the home country's posts count (the enrolling country,
 * {@code MD}): with the neighbour's border police on the ledger, its ENTRY of a child leaving Moldova is an arrival
 * there (see {@link ReconciliationRule}), not a return home, and its EXIT of a child going back is not a departure.
 */
final class ExitRules implements Rule {
    private final int exitCount;
    private final Duration exitWindow;
    private final Duration returnWithin;
    private final String homeCountry;
    private final Map<String, Deque<Fact>> exits = new HashMap<>();
    private final Map<String, Instant> lastFrequentHit = new HashMap<>();
    private final Map<String, Fact> trips = new HashMap<>();
    private final List<Pending> pending = new ArrayList<>();

    private record Pending(Fact exit, Fact trip, Instant deadline) {}

    ExitRules(final int exitCount, final Duration exitWindow, final Duration returnWithin, final String homeCountry) {
        this.homeCountry = homeCountry;
        this.exitCount = exitCount;
        this.exitWindow = exitWindow;
        this.returnWithin = returnWithin;
    }

    @Override
    public void accept(final Fact fact, final List<RedFlagCommand> hits) {
        if ((fact.kind() == Fact.Kind.EXITED || fact.kind() == Fact.Kind.ENTERED)
                && !homeCountry.equals(fact.country())) {
            return; // the neighbour's posts: an arrival there or the way home, for the reconciliation
        }
        switch (fact.kind()) {
            case TRIP_AUTHORISED -> trips.put(fact.tripId(), fact);
            case ENTERED -> pending.removeIf(p -> p.exit().subjectId().equals(fact.subjectId())
                    && java.util.Objects.equals(p.exit().country(), fact.country())
                    && !p.exit().at().isAfter(fact.at()));
            case EXITED -> {
                final Fact trip = fact.tripId() == null ? null : trips.get(fact.tripId());
                final Instant from = trip != null && trip.tripEnd().isAfter(fact.at()) ? trip.tripEnd() : fact.at();
                pending.add(new Pending(fact, trip, from.plus(returnWithin)));
                frequent(fact, hits);
            }
            default -> {
                // not an exit, an entry or a trip
            }
        }
    }

    private void frequent(final Fact exit, final List<RedFlagCommand> hits) {
        final String key = exit.subjectId() + " " + exit.country();
        final Deque<Fact> recent = exits.computeIfAbsent(key, s -> new ArrayDeque<>());
        recent.addLast(exit);
        final Instant from = exit.at().minus(exitWindow);
        recent.removeIf(f -> f.at().isBefore(from));
        final Instant previous = lastFrequentHit.get(key);
        if (recent.size() >= exitCount && (previous == null || !exit.at().isBefore(previous.plus(exitWindow)))) {
            lastFrequentHit.put(key, exit.at());
            hits.add(new RedFlagCommand(RedFlagRule.FREQUENT_EXITS, exit.subjectId(), exit.post(),
                    Rule.capped(recent.stream().map(Fact::evidence).toList())));
        }
    }

    @Override
    public void advance(final Instant now, final List<RedFlagCommand> hits) {
        pending.sort(Comparator.comparing(Pending::deadline));
        for (final Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            final Pending p = it.next();
            if (p.deadline().isAfter(now)) {
                break;
            }
            it.remove();
            final List<RedFlagEvidence> evidence = p.trip() == null ? List.of(p.exit().evidence())
                    : List.of(p.trip().evidence(), p.exit().evidence());
            hits.add(new RedFlagCommand(RedFlagRule.EXIT_WITHOUT_RETURN, p.exit().subjectId(), p.exit().post(),
                    evidence));
        }
    }

    @Override
    public void forget(final String subjectId) {
        exits.keySet().removeIf(k -> k.startsWith(subjectId + " "));
        lastFrequentHit.keySet().removeIf(k -> k.startsWith(subjectId + " "));
        pending.removeIf(p -> p.exit().subjectId().equals(subjectId));
        trips.values().removeIf(t -> t.subjectId().equals(subjectId));
    }
}
