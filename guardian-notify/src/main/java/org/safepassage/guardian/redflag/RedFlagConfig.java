package org.safepassage.guardian.redflag;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** {@code safepassage.redflag.*}: the red-flag engine and its rules' thresholds (docs/red-flags.md). */
@ConfigMapping(prefix = "safepassage.redflag")
public interface RedFlagConfig {
    /** Whether the engine reads the ledger at start. */
    @WithDefault("true")
    boolean enabled();

    /** The block every pass starts from: the rules' memory horizon. */
    @WithDefault("0")
    long firstStartBlock();

    /** How long to wait before a new pass after a ledger failure. */
    @WithDefault("PT5S")
    Duration retryEvery();

    @WithDefault("4")
    int companionChildren();

    @WithDefault("P30D")
    Duration companionWindow();

    @WithDefault("5")
    int exitCount();

    @WithDefault("P30D")
    Duration exitWindow();

    @WithDefault("P60D")
    Duration returnWithin();

    @WithDefault("PT72H")
    Duration postShoppingWithin();

    @WithDefault("3")
    int phoneFamilies();

    @WithDefault("P90D")
    Duration phoneWindow();

    @WithDefault("PT30S")
    Duration fastApproval();

    @WithDefault("3")
    int fastChildren();

    /** An exit and the neighbour's entry of the same child match within this period (either side). */
    @WithDefault("PT12H")
    Duration arrivalWithin();

    /** The countries whose border police record on the ledger, by post prefix. */
    @WithDefault("MD,RO")
    Set<String> reconciledCountries();

    /** Posts of those countries that face a third country (e.g. MD-PALANCA), left out of the reconciliation. */
    Optional<Set<String>> unreconciledPosts();

    /** Crossings before this time are not reconciled: the day the neighbour's border police joined the ledger. */
    @WithDefault("1970-01-01T00:00:00Z")
    java.time.Instant reconcileFrom();

    /** The country whose children are enrolled (post prefix): its exits are the ones judged for return. */
    @WithDefault("MD")
    String homeCountry();

    /** The thresholds as the engine takes them. */
    default RedFlagSettings settings() {
        return new RedFlagSettings(companionChildren(), companionWindow(), exitCount(), exitWindow(), returnWithin(),
                postShoppingWithin(), phoneFamilies(), phoneWindow(), fastApproval(), fastChildren(), arrivalWithin(),
                reconciledCountries(), unreconciledPosts().orElse(Set.of()), reconcileFrom(),
                homeCountry());
    }
}
