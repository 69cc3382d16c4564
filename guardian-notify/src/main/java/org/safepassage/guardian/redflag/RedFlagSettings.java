package org.safepassage.guardian.redflag;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
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
 * @param arrivalWithin an exit and the neighbour's entry of the same child match within this period either side
 * @param reconciledCountries the countries whose border police record on the ledger (post prefixes, e.g. MD, RO)
 * @param unreconciledPosts posts of those countries facing a third country, left out of the reconciliation
 * @param reconcileFrom crossings before this time are not reconciled (the day the neighbour joined the ledger)
 * @param homeCountry the country whose children are enrolled: frequent exits and exits without return count its posts
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
        int fastChildren,
        Duration arrivalWithin,
        Set<String> reconciledCountries,
        Set<String> unreconciledPosts,
        java.time.Instant reconcileFrom,
        String homeCountry) {

    /** An exit and the neighbour's entry match within this period (either side) unless configured otherwise. */
    public static final Duration DEFAULT_ARRIVAL_WITHIN = Duration.ofHours(12);

    /** Thresholds with no reconciliation (no neighbour on the ledger): see {@link #reconciling}. */
    public RedFlagSettings(final int companionChildren, final Duration companionWindow, final int exitCount,
            final Duration exitWindow, final Duration returnWithin, final Duration postShoppingWithin,
            final int phoneFamilies, final Duration phoneWindow, final Duration fastApproval, final int fastChildren) {
        this(companionChildren, companionWindow, exitCount, exitWindow, returnWithin, postShoppingWithin, phoneFamilies,
                phoneWindow, fastApproval, fastChildren, DEFAULT_ARRIVAL_WITHIN, Set.of(), Set.of(),
                java.time.Instant.EPOCH, "MD");
    }

    /** These thresholds, reconciling exits and entries between {@code countries}' posts. */
    public RedFlagSettings reconciling(final Set<String> countries) {
        return new RedFlagSettings(companionChildren, companionWindow, exitCount, exitWindow, returnWithin,
                postShoppingWithin, phoneFamilies, phoneWindow, fastApproval, fastChildren, arrivalWithin, countries,
                unreconciledPosts, reconcileFrom, homeCountry);
    }

    public RedFlagSettings {
        reconciledCountries = Set.copyOf(reconciledCountries);
        unreconciledPosts = Set.copyOf(unreconciledPosts);
        java.util.Objects.requireNonNull(reconcileFrom, "reconcileFrom");
        java.util.Objects.requireNonNull(homeCountry, "homeCountry");
        positive("companionChildren", companionChildren, 2);
        positive("exitCount", exitCount, 2);
        positive("phoneFamilies", phoneFamilies, 2);
        positive("fastChildren", fastChildren, 2);
        for (final Duration d : new Duration[] {companionWindow, exitWindow, returnWithin, postShoppingWithin,
                phoneWindow, fastApproval, arrivalWithin}) {
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
            case EXIT_WITHOUT_ARRIVAL -> "The child was recorded leaving one country and the neighbouring country's "
                    + "border police recorded no entry of the child within " + hours(arrivalWithin) + " (countries "
                    + "reconciled: " + String.join(", ", new TreeSet<>(reconciledCountries)) + "). Check the other "
                    + "side's posts: was the child taken past them?";
            case ARRIVAL_WITHOUT_EXIT -> "The neighbouring country's border police recorded the child entering, and "
                    + "no exit of the child from the other country was recorded within " + hours(arrivalWithin)
                    + " either side: the child left without passing a post, or a post did not record it.";
        };
    }

    private static String days(final Duration d) {
        return d.toDays() >= 1 && d.toHours() % 24 == 0 ? d.toDays() + " days" : hours(d);
    }

    private static String hours(final Duration d) {
        if (d.toHours() >= 1) {
            return d.toHours() + " hours";
        }
        // a window under an hour (a test's, or a tuned deployment's) in the unit that says it
        return d.toMinutes() >= 1 ? d.toMinutes() + " minutes" : d.toSeconds() + " seconds";
    }

    private static void positive(final String name, final int value, final int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + ": at least " + min);
        }
    }
}
