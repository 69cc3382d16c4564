package org.safepassage.guardian.redflag;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.safepassage.chaincode.client.ReceivedEvent;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.Decision;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.LegalBasis;
import org.safepassage.chaincode.model.Outcome;

/**
 * How fast the rules read a history, which is what a pass costs at every start (docs/red-flags.md). Not a test: run
 * {@code main} and record its output. A synthetic year: children crossing with and without companions, guardians
 * approving, one in twenty requests refused, most children coming back.
 */
public final class RedFlagEngineBenchmark {
    private RedFlagEngineBenchmark() {
    }

    public static void main(final String[] args) {
        final int crossings = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        final Random random = new Random(16);
        final Story story = new Story();
        final java.time.Instant first = story.now();
        for (int i = 0; i < crossings; i++) {
            final String child = Story.child(random.nextInt(crossings / 4 + 1));
            final String companion = random.nextBoolean() ? Story.companion(random.nextInt(crossings / 3 + 1)) : null;
            final String post = random.nextBoolean() ? Story.LEUSENI : Story.SCULENI;
            story.scan(child, post);
            final CrossingRequest r = story.request(child, post, companion);
            final String guardian = "guardian-of-" + child;
            story.texted(r, guardian, "hash-" + child);
            story.after(Duration.ofMinutes(2));
            if (random.nextInt(20) == 0) {
                story.decide(r, guardian, Decision.REFUSE);
            } else {
                story.decide(r, guardian, Decision.APPROVE);
                story.crossing(child, post, Direction.EXIT, Outcome.ALLOWED, companion,
                        LegalBasis.approval(r.requestId()));
                if (random.nextInt(10) != 0) {
                    story.crossing(child, post, Direction.ENTRY, Outcome.ALLOWED, companion,
                            LegalBasis.notRequired());
                }
            }
            story.after(Duration.ofSeconds(300));
        }
        final List<ReceivedEvent> events = story.events();
        for (int round = 1; round <= 3; round++) {
            final RedFlagEngine engine = new RedFlagEngine(RedFlagSettings.defaults(), story);
            int hits = 0;
            final long start = System.nanoTime();
            for (final ReceivedEvent e : events) {
                hits += engine.accept(e).alerts().size();
            }
            final double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %d events over %d days in %.2f s: %.0f events/s, %d hits%n", round,
                    events.size(), Duration.between(first, story.now()).toDays(), seconds, events.size() / seconds, hits);
        }
    }
}
