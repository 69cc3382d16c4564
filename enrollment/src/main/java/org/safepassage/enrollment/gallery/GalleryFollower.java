package org.safepassage.enrollment.gallery;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Keeps one instance's gallery in step with changes other instances make: LISTENs on channel {@code gallery_change}
 * over a connection of its own and runs the catch-up on every notification, and anyway every {@code every} in case
 * one was lost. After a dropped connection it reconnects, LISTENs again and catches up: the catch-up reads every
 * change after the last number applied, so nothing missed meanwhile is skipped.
 */
final class GalleryFollower {
    static final String CHANNEL = "gallery_change";
    /** How the follower's connection shows in pg_stat_activity. */
    static final String APPLICATION_NAME = "enrollment-gallery-follower";

    private static final Logger LOG = Logger.getLogger(GalleryFollower.class);
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);

    /** Opens a fresh connection to the vault's database. */
    @FunctionalInterface
    interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;
    private final Runnable catchUp;
    private final Duration every;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Connection current;

    GalleryFollower(final Connections connections, final Runnable catchUp, final Duration every) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.catchUp = Objects.requireNonNull(catchUp, "catchUp");
        this.every = Objects.requireNonNull(every, "every");
        this.thread = new Thread(this::run, "gallery-follower");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        stopped = true;
        thread.interrupt();
        close(current);
    }

    private void run() {
        while (!stopped) {
            try (Connection connection = connections.open()) {
                current = connection;
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                // Whatever changed while this connection was not listening (first start, or after a drop).
                catchUp.run();
                final PGConnection notifications = connection.unwrap(PGConnection.class);
                while (!stopped) {
                    final PGNotification[] received = notifications.getNotifications((int) every.toMillis());
                    if (connection.isClosed()) {
                        throw new SQLException("the follower's connection was closed");
                    }
                    // A notification only says "something changed": the catch-up reads what, from the table.
                    catchUp.run();
                    if (received != null && received.length > 0) {
                        LOG.debugf("gallery: %d change notifications", received.length);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (stopped) {
                    return;
                }
                LOG.warnf("gallery follower: %s; reconnecting and catching up in %d s", e.getMessage(),
                        RECONNECT_AFTER.toSeconds());
                try {
                    Thread.sleep(RECONNECT_AFTER.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            } finally {
                current = null;
            }
        }
    }

    private static void close(final Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // stopping anyway
            }
        }
    }
}
