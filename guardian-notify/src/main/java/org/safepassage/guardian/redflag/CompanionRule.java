package org.safepassage.guardian.redflag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safepassage.chaincode.model.RedFlagCommand;
import org.safepassage.chaincode.model.RedFlagEvidence;
import org.safepassage.chaincode.model.RedFlagRule;

/**
 * One companion seen with at least {@code children} different children within {@code window}. A companion raises at
 * most once per window, so the fifth child after the fourth does not raise a second alert for the same pattern.
 */
final class CompanionRule implements Rule {
    private final int children;
    private final Duration window;
    private final Map<String, Deque<Fact>> seen = new HashMap<>();
    private final Map<String, Instant> lastHit = new HashMap<>();

    CompanionRule(final int children, final Duration window) {
        this.children = children;
        this.window = window;
    }

    @Override
    public void accept(final Fact fact, final List<RedFlagCommand> hits) {
        if (fact.kind() != Fact.Kind.SEEN || fact.companionRef() == null) {
            return;
        }
        final Deque<Fact> sightings = seen.computeIfAbsent(fact.companionRef(), c -> new ArrayDeque<>());
        sightings.addLast(fact);
        final Instant from = fact.at().minus(window);
        sightings.removeIf(f -> f.at().isBefore(from));
        // the first sighting of each child in the window is its evidence
        final Map<String, Fact> firstPerChild = new LinkedHashMap<>();
        for (final Fact f : sightings) {
            firstPerChild.putIfAbsent(f.subjectId(), f);
        }
        final Instant previous = lastHit.get(fact.companionRef());
        if (firstPerChild.size() >= children && (previous == null || !fact.at().isBefore(previous.plus(window)))) {
            lastHit.put(fact.companionRef(), fact.at());
            final List<RedFlagEvidence> evidence =
                    Rule.capped(firstPerChild.values().stream().map(Fact::evidence).toList());
            hits.add(new RedFlagCommand(RedFlagRule.COMPANION_MANY_CHILDREN, fact.subjectId(), fact.post(), evidence));
        }
    }

    @Override
    public void forget(final String subjectId) {
        seen.values().forEach(d -> d.removeIf(f -> f.subjectId().equals(subjectId)));
    }
}
