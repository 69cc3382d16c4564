package org.safepassage.guardian.redflag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import org.safepassage.chaincode.client.ReceivedEvent;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.Decision;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.LegalBasis;
import org.safepassage.chaincode.model.Outcome;
import org.safepassage.chaincode.model.RedFlagCommand;
import org.safepassage.chaincode.model.RedFlagEvidence;
import org.safepassage.chaincode.model.RedFlagRule;

/**
 * The red-flag rules over a synthetic history (docs/performance.md, docs/red-flags.md). Not a test: run {@code main}
 * and record its output. Arguments: {@code [subjects] [weeks] [seed]}, default 5 000 children over 10 weeks.
 *
 * <p>The history: families of one to four children (siblings share their guardians' phone and travel with a parent),
 * about one family in fifteen travelling each week across the Moldovan-Romanian border and back after two days to three
 * weeks. Each leg is what the two countries' posts record: a scan, a request the guardians approve within minutes at
 * the Moldovan exit and entry, the crossing, and the neighbour's scan and crossing at the facing Romanian post a
 * half-hour to four hours later. One request in thirty is refused and the family stays home. A few children commute
 * weekly. Into it, each trafficking pattern the rules know is injected {@code instances} times at known subjects:
 * <ul>
 *   <li>one companion crossing with five different children within twelve days;
 *   <li>one phone approving for the children of three families;
 *   <li>a child leaving six times in twenty-five days;
 *   <li>a child leaving and arriving in Romania, never coming home;
 *   <li>a refusal at one post, the child scanned at another twenty hours later;
 *   <li>an exit from Moldova that Romania never records (the child back home five days later);
 *   <li>an entry into Romania with no exit from Moldova (back home later through both posts).
 * </ul>
 * It reports the engine's throughput, whether each injected instance was found, and the alerts on the benign
 * population per 1 000 subjects per week.
 */
public final class RedFlagEngineBenchmark {
    private static final List<String[]> POST_PAIRS = List.of(new String[] {"MD-LEUSENI", "RO-ALBITA"},
            new String[] {"MD-SCULENI", "RO-SCULENI"}, new String[] {"MD-GIURGIULESTI", "RO-GALATI"});

    private final Random random;
    private final Story story = new Story();
    private final PriorityQueue<Step> steps = new PriorityQueue<>();
    private final Set<String> injected = new HashSet<>();
    private final Map<RedFlagRule, List<Set<String>>> instances = new EnumMap<>(RedFlagRule.class);
    private final Instant start;
    private long order;
    private int nextChild;
    private int nextAdult;

    private record Step(Instant at, long order, Runnable action) implements Comparable<Step> {
        @Override
        public int compareTo(final Step o) {
            final int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    /** A family: its children, the phone its guardians answer from, and the parent who travels with them. */
    private record Family(List<String> children, String phone, String parent) {}

    private RedFlagEngineBenchmark(final long seed) {
        this.random = new Random(seed);
        this.start = story.now();
    }

    public static void main(final String[] args) {
        final int subjects = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        final int weeks = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        final long seed = args.length > 2 ? Long.parseLong(args[2]) : 16;
        final RedFlagEngineBenchmark history = new RedFlagEngineBenchmark(seed);
        final long generating = System.nanoTime();
        final int benign = history.generate(subjects, weeks);
        final List<ReceivedEvent> events = history.story.events();
        System.out.printf(Locale.ROOT, "history: %d benign children, %d injected, %d weeks, %d events, generated in"
                        + " %.1f s%n", benign, history.injected.size(), weeks, events.size(),
                (System.nanoTime() - generating) / 1e9);
        final RedFlagSettings settings = RedFlagSettings.defaults().reconciling(Set.of("MD", "RO"));
        List<RedFlagCommand> alerts = List.of();
        for (int round = 1; round <= 3; round++) {
            final RedFlagEngine engine = new RedFlagEngine(settings, history.story);
            final List<RedFlagCommand> found = new ArrayList<>();
            // CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours' load
            final java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            final long c0 = cpu.getCurrentThreadCpuTime();
            final long t0 = System.nanoTime();
            for (final ReceivedEvent e : events) {
                found.addAll(engine.accept(e).alerts());
            }
            final double seconds = (System.nanoTime() - t0) / 1e9;
            final double cpuSeconds = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf(Locale.ROOT, "round %d: %d events in %.2f s wall, %.2f s CPU: %.0f events/s wall, %.0f"
                    + " events per CPU-second, %d alerts%n", round, events.size(), seconds, cpuSeconds,
                    events.size() / seconds, events.size() / cpuSeconds, found.size());
            alerts = found;
        }
        history.report(alerts, benign, weeks);
    }

    private void report(final List<RedFlagCommand> alerts, final int benign, final int weeks) {
        int missed = 0;
        for (final Map.Entry<RedFlagRule, List<Set<String>>> entry : instances.entrySet()) {
            int found = 0;
            for (final Set<String> instance : entry.getValue()) {
                if (alerts.stream().anyMatch(a -> a.rule() == entry.getKey() && names(a).stream()
                        .anyMatch(instance::contains))) {
                    found++;
                }
            }
            missed += entry.getValue().size() - found;
            System.out.printf(Locale.ROOT, "injected %-24s found %d of %d%n", entry.getKey(), found,
                    entry.getValue().size());
        }
        final Map<RedFlagRule, Integer> onBenign = new EnumMap<>(RedFlagRule.class);
        int benignAlerts = 0;
        for (final RedFlagCommand a : alerts) {
            if (names(a).stream().noneMatch(injected::contains)) {
                benignAlerts++;
                onBenign.merge(a.rule(), 1, Integer::sum);
            }
        }
        System.out.printf(Locale.ROOT, "alerts on the benign population: %d (%s), %.2f per 1 000 subjects per week%n",
                benignAlerts, onBenign, benignAlerts / (benign / 1000.0) / weeks);
        System.out.println(missed == 0 ? "every injected pattern found" : missed + " injected instances MISSED");
    }

    private static Set<String> names(final RedFlagCommand alert) {
        final Set<String> names = new HashSet<>();
        names.add(alert.subjectId());
        alert.evidence().stream().map(RedFlagEvidence::subjectId).forEach(names::add);
        return names;
    }

    // ---- the history -------------------------------------------------------------------------------------------

    private int generate(final int subjects, final int weeks) {
        final Instant end = start.plus(Duration.ofDays(7L * weeks));
        int benign = 0;
        final List<Family> families = new ArrayList<>();
        while (benign < subjects) {
            final int size = 1 + (random.nextInt(100) < 2 ? 3 : random.nextInt(3));
            final List<String> children = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                children.add(child());
            }
            benign += size;
            families.add(new Family(children, "phone-" + families.size(), adult()));
        }
        for (final Family family : families) {
            if (random.nextInt(100) == 0) {
                commuter(family, end);
                continue;
            }
            for (Instant week = start; week.isBefore(end); week = week.plus(Duration.ofDays(7))) {
                if (random.nextInt(15) == 0) {
                    final Instant leave = week.plus(Duration.ofMinutes(random.nextInt(7 * 24 * 60)));
                    journey(family, leave, Duration.ofHours(48 + random.nextInt(19 * 24)));
                }
            }
        }
        inject(Math.max(1, subjects / 1000), end);
        while (!steps.isEmpty()) {
            final Step step = steps.poll();
            if (step.at().isAfter(story.now())) {
                story.after(Duration.between(story.now(), step.at()));
            }
            step.action().run();
        }
        // the ledger's clock runs on to the end of the period, so deadlines inside it fire
        story.after(Duration.between(story.now(), end.isAfter(story.now()) ? end : story.now()));
        story.scan(child(), POST_PAIRS.get(0)[0]);
        return benign;
    }

    private String child() {
        return Story.child(++nextChild);
    }

    private String adult() {
        return Story.companion(++nextAdult);
    }

    private void at(final Instant at, final Runnable action) {
        steps.add(new Step(at, order++, action));
    }

    private String[] pair() {
        return POST_PAIRS.get(random.nextInt(POST_PAIRS.size()));
    }

    /** A family's trip to Romania and back: out through one pair of posts, home through another. */
    private void journey(final Family family, final Instant leave, final Duration away) {
        final String[] out = pair();
        final String[] back = pair();
        at(leave, () -> mdLeg(family.children(), family.phone(), family.parent(), out[0], Direction.EXIT, () -> {
            final Instant arrive = story.now().plus(Duration.ofMinutes(30 + random.nextInt(210)));
            at(arrive, () -> roLeg(family.children(), family.parent(), out[1], Direction.ENTRY));
            final Instant ret = arrive.plus(away);
            at(ret, () -> roLeg(family.children(), family.parent(), back[1], Direction.EXIT));
            at(ret.plus(Duration.ofMinutes(20 + random.nextInt(180))), () -> mdLeg(family.children(), family.phone(),
                    family.parent(), back[0], Direction.ENTRY, () -> { }));
        }));
    }

    /** A child who goes to school across the border on a weekly pattern: a known source of false positives. */
    private void commuter(final Family family, final Instant end) {
        for (Instant week = start; week.isBefore(end); week = week.plus(Duration.ofDays(7))) {
            journey(family, week.plus(Duration.ofHours(7)), Duration.ofHours(34));
        }
    }

    /**
     * Moldova's post: scans and requests now, the guardians' answers a few minutes later (one departure in thirty
     * refused), then the crossings and {@code crossed}. Later steps are scheduled, never waited for, so the history's
     * clock stays with the schedule however many families travel at once.
     */
    private void mdLeg(final List<String> children, final String phone, final String companion, final String post,
            final Direction direction, final Runnable crossed) {
        // guardians refuse one departure in thirty; a child coming home is never turned away
        final boolean refused = direction == Direction.EXIT && random.nextInt(30) == 0;
        final List<CrossingRequest> requests = new ArrayList<>();
        for (final String child : children) {
            story.scan(child, post);
            final String guardian = "guardian-of-" + child;
            final CrossingRequest r = story.requestFor(child, post, direction, companion, guardian);
            story.texted(r, guardian, phone);
            requests.add(r);
        }
        at(story.now().plus(Duration.ofSeconds(60 + random.nextInt(600))), () -> {
            for (final CrossingRequest r : requests) {
                final String guardian = r.guardianRefs().get(0);
                if (refused) {
                    story.decide(r, guardian, Decision.REFUSE);
                    continue;
                }
                story.decide(r, guardian, Decision.APPROVE);
                story.crossing(r.subjectId(), post, direction, Outcome.ALLOWED, companion,
                        LegalBasis.approval(r.requestId()));
            }
            if (!refused) {
                crossed.run();
            }
        });
    }

    /** The neighbour's post: its scan and crossing (the trip or approval it relies on is Moldova's record). */
    private void roLeg(final List<String> children, final String companion, final String post,
            final Direction direction) {
        for (final String child : children) {
            story.scan(child, post);
            story.crossing(child, post, direction, Outcome.ALLOWED, companion, LegalBasis.notRequired());
        }
    }

    // ---- the injected patterns -----------------------------------------------------------------------------------

    private void inject(final int times, final Instant end) {
        for (int n = 0; n < times; n++) {
            // spread over the period, leaving 61 days for the return rule to judge the never-returning child
            final Instant t = start.plus(Duration.ofHours(12 + random.nextInt(7 * 24)));
            companionWithFiveChildren(t.plus(Duration.ofDays(random.nextInt(20))));
            phoneForThreeFamilies(t.plus(Duration.ofDays(random.nextInt(20))));
            frequentExits(t.plus(Duration.ofDays(random.nextInt(20))));
            neverReturns(t);
            postShopping(t.plus(Duration.ofDays(random.nextInt(40))));
            exitWithoutArrival(t.plus(Duration.ofDays(random.nextInt(40))));
            arrivalWithoutExit(t.plus(Duration.ofDays(random.nextInt(40))));
        }
        if (end.isBefore(start.plus(Duration.ofDays(70)))) {
            System.out.println("note: under 10 weeks, the never-returning child is judged after the period ends");
        }
    }

    private Family injectedFamily(final RedFlagRule rule, final int children, final String phone,
            final String companion) {
        final List<String> kids = new ArrayList<>();
        for (int i = 0; i < children; i++) {
            kids.add(child());
        }
        injected.addAll(kids);
        if (rule != null) {
            instances.computeIfAbsent(rule, r -> new ArrayList<>()).add(Set.copyOf(kids));
        }
        return new Family(kids, phone, companion);
    }

    private void companionWithFiveChildren(final Instant t) {
        final String trafficker = adult();
        final Family victims = injectedFamily(RedFlagRule.COMPANION_MANY_CHILDREN, 5, null, trafficker);
        for (int i = 0; i < 5; i++) {
            final Family one = new Family(List.of(victims.children().get(i)), "phone-victim-" + adult(), trafficker);
            journey(one, t.plus(Duration.ofDays(i * 3L)), Duration.ofDays(3));
        }
    }

    /** One number registered as a guardian of three children of three families, each with its own parents' number. */
    private void phoneForThreeFamilies(final Instant t) {
        final String phone = "phone-injected-" + adult();
        final Family all = injectedFamily(RedFlagRule.PHONE_MANY_FAMILIES, 3, phone, null);
        for (int i = 0; i < 3; i++) {
            final String child = all.children().get(i);
            final String parents = "phone-parents-" + adult();
            final String post = pair()[0];
            at(t.plus(Duration.ofDays(i * 5L)), () -> {
                story.scan(child, post);
                final CrossingRequest r = story.requestFor(child, post, Direction.EXIT, null, "guardian-x-" + child,
                        "guardian-of-" + child);
                story.texted(r, "guardian-x-" + child, phone);
                story.texted(r, "guardian-of-" + child, parents);
                story.after(Duration.ofMinutes(2));
                story.decide(r, "guardian-x-" + child, Decision.APPROVE);
                story.crossing(child, post, Direction.EXIT, Outcome.ALLOWED, null, LegalBasis.approval(r.requestId()));
                at(story.now().plus(Duration.ofHours(1)), () -> roLeg(List.of(child), null, "RO-SCULENI",
                        Direction.ENTRY));
                at(story.now().plus(Duration.ofDays(3)), () -> {
                    roLeg(List.of(child), null, "RO-SCULENI", Direction.EXIT);
                    mdLegApproved(new Family(List.of(child), parents, null), "MD-SCULENI", Direction.ENTRY);
                });
            });
        }
    }

    private void frequentExits(final Instant t) {
        final Family f = injectedFamily(RedFlagRule.FREQUENT_EXITS, 1, "phone-injected-" + adult(), adult());
        for (int i = 0; i < 6; i++) {
            journey(f, t.plus(Duration.ofDays(i * 4L)), Duration.ofDays(1));
        }
    }

    private void neverReturns(final Instant t) {
        final Family f = injectedFamily(RedFlagRule.EXIT_WITHOUT_RETURN, 1, "phone-injected-" + adult(), adult());
        final String[] out = pair();
        at(t, () -> {
            mdLegApproved(f, out[0], Direction.EXIT);
            at(story.now().plus(Duration.ofHours(1)), () -> roLeg(f.children(), f.parent(), out[1], Direction.ENTRY));
        });
    }

    private void postShopping(final Instant t) {
        final Family f = injectedFamily(RedFlagRule.POST_SHOPPING, 1, "phone-injected-" + adult(), adult());
        final String child = f.children().get(0);
        at(t, () -> {
            story.scan(child, "MD-LEUSENI");
            final CrossingRequest r = story.requestFor(child, "MD-LEUSENI", Direction.EXIT, f.parent(),
                    "guardian-of-" + child);
            story.texted(r, "guardian-of-" + child, f.phone());
            story.after(Duration.ofMinutes(4));
            story.decide(r, "guardian-of-" + child, Decision.REFUSE);
            at(story.now().plus(Duration.ofHours(20)), () -> story.scan(child, "MD-GIURGIULESTI"));
        });
    }

    private void exitWithoutArrival(final Instant t) {
        final Family f = injectedFamily(RedFlagRule.EXIT_WITHOUT_ARRIVAL, 1, "phone-injected-" + adult(), adult());
        final String[] pair = pair();
        at(t, () -> {
            mdLegApproved(f, pair[0], Direction.EXIT);
            at(story.now().plus(Duration.ofDays(5)), () -> mdLegApproved(f, pair[0], Direction.ENTRY));
        });
    }

    private void arrivalWithoutExit(final Instant t) {
        final Family f = injectedFamily(RedFlagRule.ARRIVAL_WITHOUT_EXIT, 1, "phone-injected-" + adult(), adult());
        final String[] pair = pair();
        at(t, () -> {
            roLeg(f.children(), f.parent(), pair[1], Direction.ENTRY);
            final Instant home = story.now().plus(Duration.ofDays(6));
            at(home, () -> roLeg(f.children(), f.parent(), pair[1], Direction.EXIT));
            at(home.plus(Duration.ofHours(1)), () -> mdLegApproved(f, pair[0], Direction.ENTRY));
        });
    }

    private void mdLegApproved(final Family f, final String post, final Direction direction) {
        for (final String child : f.children()) {
            story.scan(child, post);
            final String guardian = "guardian-of-" + child;
            final CrossingRequest r = story.requestFor(child, post, direction, f.parent(), guardian);
            story.texted(r, guardian, f.phone());
            story.after(Duration.ofMinutes(3));
            story.decide(r, guardian, Decision.APPROVE);
            story.crossing(child, post, direction, Outcome.ALLOWED, f.parent(), LegalBasis.approval(r.requestId()));
        }
    }
}
