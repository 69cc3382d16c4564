package org.safepassage.guardian.redflag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import org.safepassage.chaincode.model.RedFlagCommand;
import org.safepassage.chaincode.model.RedFlagRule;

/**
 * Exits reconciled with the neighbour's entries, now that both countries' border police record on the ledger. An
 * allowed EXIT at a post of one reconciled country is matched with an ENTRY of the same child at a post of another
 * reconciled country within {@code within} either side (clocks of two countries' terminals, queues between the posts);
 * an entry recorded DENIED also accounts for the exit (the child reached the other side and was turned back).
 * Unmatched when the ledger's clock passes the deadline: an exit raises {@link RedFlagRule#EXIT_WITHOUT_ARRIVAL}, an
 * allowed entry {@link RedFlagRule#ARRIVAL_WITHOUT_EXIT}. Each crossing is matched at most once, earliest first, and
 * each unmatched crossing raises once: its evidence is that one crossing, so the alert id is the same on every pass.
 * Posts of a reconciled country that face a third country ({@code MD-PALANCA}, towards Ukraine) are left out.
 */
final class ReconciliationRule implements Rule {
    private final Duration within;
    private final Set<String> countries;
    private final Set<String> excludedPosts;
    private final Instant from;
    /** Per subject, its crossings waiting for their other side; and all of them by deadline. */
    private final Map<String, List<Pending>> pending = new HashMap<>();
    private final PriorityQueue<Pending> deadlines = new PriorityQueue<>(Comparator.comparing(Pending::deadline)
            .thenComparing(p -> p.crossing().transactionId()).thenComparing(Pending::exit));

    /**
     * A crossing waiting for its other side until {@code deadline}; a silent one raises nothing when unmatched (a
     * denied entry: the child turned back comes home with no exit recorded on the side that refused it).
     */
    private record Pending(Fact crossing, boolean exit, Instant deadline, boolean silent) {}

    ReconciliationRule(final Duration within, final Set<String> countries, final Set<String> excludedPosts,
            final Instant from) {
        this.within = Objects.requireNonNull(within, "within");
        this.from = Objects.requireNonNull(from, "from");
        this.countries = Set.copyOf(countries);
        this.excludedPosts = Set.copyOf(excludedPosts);
    }

    @Override
    public void accept(final Fact fact, final List<RedFlagCommand> hits) {
        final boolean exit = fact.kind() == Fact.Kind.EXITED;
        final boolean entry = fact.kind() == Fact.Kind.ENTERED || fact.kind() == Fact.Kind.ENTRY_DENIED;
        if (!exit && !entry || !reconciled(fact.post()) || fact.at().isBefore(from)) {
            return;
        }
        final List<Pending> mine = pending.computeIfAbsent(fact.subjectId(), k -> new ArrayList<>());
        final Optional<Pending> other = mine.stream()
                .filter(p -> p.exit() != exit
                        && !Objects.equals(p.crossing().country(), fact.country())
                        && !p.crossing().at().isBefore(fact.at().minus(within))
                        && !p.crossing().at().isAfter(fact.at().plus(within)))
                .min(Comparator.comparing((Pending p) -> p.crossing().at()));
        other.ifPresent(mine::remove);
        Pending waiting = null;
        if (fact.kind() == Fact.Kind.ENTRY_DENIED) {
            // turned back: the way home needs no exit from the country that refused entry
            waiting = new Pending(fact, true, fact.at().plus(within), true);
        } else if (other.isEmpty()) {
            // the other side may still be recorded: up to `within` after this crossing
            waiting = new Pending(fact, exit, fact.at().plus(within), false);
        }
        if (waiting != null) {
            mine.add(waiting);
            deadlines.add(waiting);
        }
        if (mine.isEmpty()) {
            pending.remove(fact.subjectId());
        }
    }

    @Override
    public void advance(final Instant now, final List<RedFlagCommand> hits) {
        while (!deadlines.isEmpty() && now.isAfter(deadlines.peek().deadline())) {
            final Pending p = deadlines.poll();
            final List<Pending> mine = pending.get(p.crossing().subjectId());
            // matched (or forgotten) since: identity, since two crossings may be equal records
            if (mine == null || !mine.removeIf(q -> q == p)) {
                continue;
            }
            if (mine.isEmpty()) {
                pending.remove(p.crossing().subjectId());
            }
            if (p.silent()) {
                continue;
            }
            hits.add(new RedFlagCommand(p.exit() ? RedFlagRule.EXIT_WITHOUT_ARRIVAL : RedFlagRule.ARRIVAL_WITHOUT_EXIT,
                    p.crossing().subjectId(), p.crossing().post(), List.of(p.crossing().evidence())));
        }
    }

    @Override
    public void forget(final String subjectId) {
        pending.remove(subjectId);
    }

    private boolean reconciled(final String post) {
        return post != null && countries.contains(Fact.country(post)) && !excludedPosts.contains(post);
    }
}
