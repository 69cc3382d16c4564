package org.safepassage.guardian.redflag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.safepassage.chaincode.model.RedFlagCommand;
import org.safepassage.chaincode.model.RedFlagRule;

/**
 * One guardian phone number approving for children of at least {@code families} families within {@code window}
 * ({@link RedFlagRule#PHONE_MANY_FAMILIES}), and the weak signal of approvals within seconds from one number for
 * several children. It runs here because only guardian-notify knows numbers ({@link PhoneBook}): the ledger's guardian
 * references are per child. The alert carries the decision transactions, never a number or its hash.
 *
 * <p>A family, as far as numbers can tell: the children whose only known guardian number is this one count as one
 * family (they may be siblings with one registered guardian); the others are grouped when they share another guardian
 * number. A grandparent approving for two of their children's families stays under the default of three.
 */
final class PhoneRule implements Rule {
    private final int families;
    private final Duration window;
    private final Duration fast;
    private final int fastChildren;
    private final PhoneBook phones;
    private final Map<String, Deque<Approval>> approvals = new HashMap<>();
    private final Map<String, Instant> lastHit = new HashMap<>();
    private final Map<String, Instant> lastWeak = new HashMap<>();
    private final List<WeakSignal> weak;

    private record Approval(Fact fact, Set<String> otherPhones, boolean fast) {}

    PhoneRule(final RedFlagSettings settings, final PhoneBook phones, final List<WeakSignal> weak) {
        this.families = settings.phoneFamilies();
        this.window = settings.phoneWindow();
        this.fast = settings.fastApproval();
        this.fastChildren = settings.fastChildren();
        this.phones = phones;
        this.weak = weak;
    }

    @Override
    public void accept(final Fact fact, final List<RedFlagCommand> hits) {
        if (fact.kind() != Fact.Kind.APPROVED) {
            return;
        }
        final Optional<String> phone = phones.phoneOf(fact.requestId(), fact.guardianRef());
        if (phone.isEmpty()) {
            return;
        }
        final Set<String> others = new HashSet<>(phones.phonesOf(fact.requestId()));
        others.remove(phone.get());
        final boolean isFast = !fact.at().isAfter(fact.requestedAt().plus(fast));
        final Deque<Approval> recent = approvals.computeIfAbsent(phone.get(), p -> new ArrayDeque<>());
        recent.addLast(new Approval(fact, others, isFast));
        final Instant from = fact.at().minus(window);
        recent.removeIf(a -> a.fact().at().isBefore(from));
        // the latest approval per child stands for it
        final Map<String, Approval> perChild = new LinkedHashMap<>();
        for (final Approval a : recent) {
            perChild.remove(a.fact().subjectId());
            perChild.put(a.fact().subjectId(), a);
        }
        final Instant previous = lastHit.get(phone.get());
        if (groups(perChild.values()) >= families && (previous == null || !fact.at().isBefore(previous.plus(window)))) {
            lastHit.put(phone.get(), fact.at());
            hits.add(new RedFlagCommand(RedFlagRule.PHONE_MANY_FAMILIES, fact.subjectId(), fact.post(),
                    Rule.capped(perChild.values().stream().map(a -> a.fact().evidence()).toList())));
        }
        final List<Approval> fastOnes = perChild.values().stream().filter(Approval::fast).toList();
        final Instant previousWeak = lastWeak.get(phone.get());
        if (isFast && fastOnes.size() >= fastChildren
                && (previousWeak == null || !fact.at().isBefore(previousWeak.plus(window)))) {
            lastWeak.put(phone.get(), fact.at());
            weak.add(new WeakSignal(fact.subjectId(), fastOnes.stream().map(a -> a.fact().evidence()).toList()));
        }
    }

    /** Families among the children: one for those with no other known number, then groups sharing a number. */
    private static int groups(final java.util.Collection<Approval> children) {
        final Map<String, String> parent = new HashMap<>();
        boolean alone = false;
        int count = 0;
        for (final Approval a : children) {
            if (a.otherPhones().isEmpty()) {
                alone = true;
                continue;
            }
            final String child = "child:" + a.fact().subjectId();
            parent.put(child, child);
            count++;
            for (final String other : a.otherPhones()) {
                final String key = "phone:" + other;
                if (parent.putIfAbsent(key, key) == null) {
                    count++;
                }
                if (union(parent, child, key)) {
                    count--;
                }
            }
        }
        // count holds the components of children and their other numbers; every component has a child
        return count + (alone ? 1 : 0);
    }

    private static String find(final Map<String, String> parent, final String x) {
        String root = x;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        return root;
    }

    private static boolean union(final Map<String, String> parent, final String a, final String b) {
        final String ra = find(parent, a);
        final String rb = find(parent, b);
        if (ra.equals(rb)) {
            return false;
        }
        parent.put(ra, rb);
        return true;
    }

    @Override
    public void forget(final String subjectId) {
        approvals.values().forEach(d -> d.removeIf(a -> a.fact().subjectId().equals(subjectId)));
    }
}
