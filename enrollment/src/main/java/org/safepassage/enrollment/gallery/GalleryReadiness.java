package org.safepassage.enrollment.gallery;

import java.util.Map;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.service.api.ApiException;

/**
 * Whether the gallery and its index hold every enrolled template yet. Until they do, every search is refused with
 * {@link Reason#GALLERY_NOT_READY} (503, with progress in the details) rather than answered from a partial
 * gallery: a NO_MATCH at the border, or a "unique" at enrollment, must never come from a gallery still loading.
 * Thread-safe.
 */
final class GalleryReadiness {
    private volatile boolean ready;
    private volatile String failure;
    private volatile int loaded;
    private volatile int total;

    void progress(final int loadedSoFar, final int expected) {
        loaded = loadedSoFar;
        total = expected;
    }

    void ready() {
        ready = true;
    }

    void failed(final String why) {
        failure = why;
    }

    boolean isReady() {
        return ready;
    }

    /** Refuses with a 503 and the progress unless loading has finished. */
    void require() {
        if (ready) {
            return;
        }
        final String why = failure;
        throw new ApiException(Reason.GALLERY_NOT_READY, why == null
                ? "the 1:N gallery is still loading after a restart; try again shortly"
                : "the 1:N gallery failed to load; an operator must restart the service",
                Map.of("loaded", loaded, "total", total, "state", why == null ? "LOADING" : "FAILED"));
    }
}
