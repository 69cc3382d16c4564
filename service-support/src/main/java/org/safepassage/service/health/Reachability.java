package org.safepassage.service.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Whether a dependency (the ledger's peer, the SMS provider) accepts TCP connections, as a readiness check that does
 * not flap: a dependency that answered before stays UP through an outage shorter than the grace (a peer restarting,
 * a dropped connection), and goes DOWN only once it has been unreachable that long. One never reached is DOWN at once.
 * Thread-safe; each call probes with a one-second connect timeout.
 */
public final class Reachability {
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;

    private final String name;
    private final Supplier<InetSocketAddress> endpoint;
    private final Duration grace;
    private final Clock clock;
    private Instant lastReached;

    private Reachability(final String name, final Supplier<InetSocketAddress> endpoint, final Duration grace,
            final Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.grace = Objects.requireNonNull(grace, "grace");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A check named {@code name} of the endpoint that {@code endpoint} gives (asked at each check, so a
     * configuration read lazily may fail: that is reported DOWN with its message).
     */
    public static Reachability of(final String name, final Supplier<InetSocketAddress> endpoint, final Duration grace) {
        return new Reachability(name, endpoint, grace, Clock.systemUTC());
    }

    static Reachability of(final String name, final Supplier<InetSocketAddress> endpoint, final Duration grace,
            final Clock clock) {
        return new Reachability(name, endpoint, grace, clock);
    }

    /** {@code host:port}, or {@code defaultPort} when the port is absent, as an unresolved address. */
    public static InetSocketAddress parse(final String hostPort, final int defaultPort) {
        final int colon = hostPort.lastIndexOf(':');
        if (colon > 0 && hostPort.indexOf(']', colon) < 0) {
            return InetSocketAddress.createUnresolved(hostPort.substring(0, colon),
                    Integer.parseInt(hostPort.substring(colon + 1)));
        }
        return InetSocketAddress.createUnresolved(hostPort, defaultPort);
    }

    /** Probes the endpoint now and answers with the grace applied. */
    public HealthCheckResponse check() {
        final HealthCheckResponseBuilder response = HealthCheckResponse.named(name);
        final InetSocketAddress address;
        try {
            address = endpoint.get();
        } catch (RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
        response.withData("endpoint", address.getHostString() + ":" + address.getPort());
        final Instant now = clock.instant();
        final String failure = probe(address);
        synchronized (this) {
            if (failure == null) {
                lastReached = now;
                return response.up().build();
            }
            response.withData("error", failure);
            if (lastReached == null) {
                return response.down().withData("unreachable", "never reached").build();
            }
            final Duration unreachable = Duration.between(lastReached, now);
            response.withData("unreachableForSeconds", unreachable.toSeconds());
            return (unreachable.compareTo(grace) < 0 ? response.up() : response.down()).build();
        }
    }

    private static String probe(final InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.getHostString(), address.getPort()), CONNECT_TIMEOUT_MILLIS);
            return null;
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
