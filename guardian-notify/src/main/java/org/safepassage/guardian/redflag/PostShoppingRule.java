package org.safepassage.guardian.redflag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.safepassage.chaincode.model.RedFlagCommand;
import org.safepassage.chaincode.model.RedFlagRule;

/**
 * A request refused by the guardians, expired unanswered, or a crossing denied at one post, then the same child seen at
 * another post within {@code within}: someone trying posts until one lets the child through. Each turning-away raises
 * at most once, on the first sighting elsewhere.
 */
final class PostShoppingRule implements Rule {
    private final Duration within;
    private final Map<String, List<Fact>> turnedAway = new HashMap<>();

    PostShoppingRule(final Duration within) {
        this.within = within;
    }

    @Override
    public void accept(final Fact fact, final List<RedFlagCommand> hits) {
        if (fact.kind() == Fact.Kind.TURNED_AWAY) {
            turnedAway.computeIfAbsent(fact.subjectId(), s -> new ArrayList<>()).add(fact);
            return;
        }
        if (fact.kind() != Fact.Kind.SEEN) {
            return;
        }
        final List<Fact> refusals = turnedAway.get(fact.subjectId());
        if (refusals == null) {
            return;
        }
        for (final Iterator<Fact> it = refusals.iterator(); it.hasNext(); ) {
            final Fact refusal = it.next();
            if (fact.at().isAfter(refusal.at().plus(within))) {
                it.remove();
            } else if (!refusal.post().equals(fact.post()) && refusal.country().equals(fact.country())
                    && !fact.at().isBefore(refusal.at())) {
                // another post of the same country: turned away by the neighbour and seen back home is not shopping
                it.remove();
                hits.add(new RedFlagCommand(RedFlagRule.POST_SHOPPING, fact.subjectId(), fact.post(),
                        List.of(refusal.evidence(), fact.evidence())));
            }
        }
    }

    @Override
    public void forget(final String subjectId) {
        turnedAway.remove(subjectId);
    }
}
