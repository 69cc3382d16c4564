package org.safepassage.chaincode.model;

import java.time.Duration;

/**
 * Input of {@code crossing:OpenCrossingRequest}: ask a protected minor's guardians to approve a crossing.
 *
 * @param ttlSeconds how long the guardians have to answer; absent for {@link #DEFAULT_TTL}
 * @param recordsScan true when the request is opened by a scan at the post: the transaction then also records that
 *     scan (the {@code CrossingRequested} event carries the {@link Scan}), so a border check commits once instead of
 *     {@code RecordScan} followed by {@code OpenCrossingRequest}; absent or false for a request opened without a scan
 */
public record OpenCrossingRequestCommand(
        String subjectId, String post, Direction direction, String companionRef, Integer ttlSeconds,
        Boolean recordsScan) {

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

    /** A request opened without a scan (the scan, if any, was recorded by its own {@code RecordScan}). */
    public OpenCrossingRequestCommand(final String subjectId, final String post, final Direction direction,
            final String companionRef, final Integer ttlSeconds) {
        this(subjectId, post, direction, companionRef, ttlSeconds, null);
    }

    /** Whether this transaction records the scan that opened the request. */
    public boolean scanned() {
        return Boolean.TRUE.equals(recordsScan);
    }

    public Duration ttl() {
        return ttlSeconds == null ? DEFAULT_TTL : Duration.ofSeconds(ttlSeconds);
    }
}
