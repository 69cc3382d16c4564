package org.safepassage.devpeer;

import java.util.logging.LogManager;

/**
 * A JUL log manager that keeps its handlers through JVM shutdown until the devpeer has logged its last words: the
 * default one resets (closes every handler) from its own shutdown hook, racing the devpeer's, so "stopped" would be
 * lost. Installed by {@link DevPeer#main} only when the process has not chosen a log manager of its own.
 */
public final class ShutdownLogManager extends LogManager {
    private volatile boolean resettable;

    /** Called by {@link LogManager} through the {@code java.util.logging.manager} property. */
    public ShutdownLogManager() {
        super();
    }

    @Override
    public void reset() {
        if (resettable || !isShuttingDown()) {
            super.reset();
        }
    }

    /** Lets the handlers close, after the last message. */
    void resetFinally() {
        resettable = true;
        super.reset();
    }

    private static boolean isShuttingDown() {
        try {
            final Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
