package org.safepassage.guardian.redflag;

import java.time.Duration;
import org.safepassage.chaincode.model.RedFlagRule;

/**
 * The rules' thresholds (docs/red-flags.md says why each default is what it is).
 *
 * @param companionChildren a companion seen with at least this many different children ...
 * @param companionWindow ... within this period
 * @param exitCount a child with at least this many exits ...
 * @param exitWindow ... within this period
 * @param returnWithin an exit with no entry within this period (after a pre-authorised trip's end, for a trip)
 * @param postShoppingWithin after a refusal, expiry or denial at one post, the child seen at another within this
 * @param phoneFamilies one guardian phone approving for children of at least this many families ...
 * @param phoneWindow ... within this period
 * @param fastApproval an approval this soon after the request is "fast" (weak signal, never an alert)
 * @param fastChildren fast approvals from one phone for at least this many children within {@code phoneWindow}
 */
public record RedFlagSettings(
        int companionChildren,
        Duration companionWindow,
        int exitCount,
        Duration exitWindow,
        Duration returnWithin,
        Duration postShoppingWithin,
        int phoneFamilies,
        Duration phoneWindow,
        Duration fastApproval,
        int fastChildren) {

    public RedFlagSettings {
        positive("companionChildren", companionChildren, 2);
        positive("exitCount", exitCount, 2);
        positive("phoneFamilies", phoneFamilies, 2);
        positive("fastChildren", fastChildren, 2);
        for (final Duration d : new Duration[] {companionWindow, exitWindow, returnWithin, postShoppingWithin,
                phoneWindow, fastApproval}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("red-flag periods must be positive");
            }
        }
    }

    /** The defaults the service ships with. */
    public static RedFlagSettings defaults() {
        return new RedFlagSettings(4, Duration.ofDays(30), 5, Duration.ofDays(30), Duration.ofDays(60),
                Duration.ofHours(72), 3, Duration.ofDays(90), Duration.ofSeconds(30), 3);
    }

    /** What the rule looks for, with these thresholds, in words for the analyst. */
    public String explain(final RedFlagRule rule) {
        return switch (rule) {
            case COMPANION_MANY_CHILDREN -> "The same accompanying adult (the same keyed travel-document reference) was "
                    + "seen with " + companionChildren + " or more different children within "
                    + days(companionWindow) + ". Siblings travelling together with a parent also match: check whether "
                    + "the children crossed together at one post.";
            case PHONE_MANY_FAMILIES -> "One guardian phone number approved crossings for children of "
                    + phoneFamilies + " or more different families within " + days(phoneWindow) + ". Children whose "
                    + "only known guardian number is this one count as one family; others are grouped by the other "
                    + "guardian numbers they share. The number itself stays in guardian-notify.";
            case FREQUENT_EXITS -> "The child left the country " + exitCount + " or more times within "
                    + days(exitWindow) + ".";
            case EXIT_WITHOUT_RETURN -> "The child left the country and no entry was recorded within "
                    + days(returnWithin) + " (for a pre-authorised trip: within " + days(returnWithin)
                    + " after the trip's end).";
            case POST_SHOPPING -> "A crossing was refused by a guardian, expired unanswered or denied at one post, "
                    + "and the same child was presented at another post within " + hours(postShoppingWithin) + ".";
        };
    }

    private static String days(final Duration d) {
        return d.toDays() >= 1 && d.toHours() % 24 == 0 ? d.toDays() + " days" : hours(d);
    }

    private static String hours(final Duration d) {
        return d.toHours() + " hours";
    }

    private static void positive(final String name, final int value, final int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + ": at least " + min);
        }
    }
}
