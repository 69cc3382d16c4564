package org.safepassage.guardian.redflag;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

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

    /** The thresholds as the engine takes them. */
    default RedFlagSettings settings() {
        return new RedFlagSettings(companionChildren(), companionWindow(), exitCount(), exitWindow(), returnWithin(),
                postShoppingWithin(), phoneFamilies(), phoneWindow(), fastApproval(), fastChildren());
    }
}
