package org.safepassage.chaincode.model;

import java.time.Duration;

/**
 * Input of {@code crossing:OpenCrossingRequest}: ask a protected minor's guardians to approve a crossing.
 *
 * @param ttlSeconds how long the guardians have to answer; absent for {@link #DEFAULT_TTL}
 */
public record OpenCrossingRequestCommand(
        String subjectId, String post, Direction direction, String companionRef, Integer ttlSeconds) {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
    public static final Duration MIN_TTL = Duration.ofMinutes(1);
    public static final Duration MAX_TTL = Duration.ofHours(24);

    public OpenCrossingRequestCommand {
        Require.opaqueId("subjectId", subjectId);
        Require.post("post", post);
        Require.present("direction", direction);
        Require.optionalOpaqueId("companionRef", companionRef);
        if (ttlSeconds != null) {
            Require.that(ttlSeconds >= MIN_TTL.toSeconds() && ttlSeconds <= MAX_TTL.toSeconds(),
                    "ttlSeconds: must be between " + MIN_TTL.toSeconds() + " and " + MAX_TTL.toSeconds());
        }
    }

    public Duration ttl() {
        return ttlSeconds == null ? DEFAULT_TTL : Duration.ofSeconds(ttlSeconds);
    }
}
