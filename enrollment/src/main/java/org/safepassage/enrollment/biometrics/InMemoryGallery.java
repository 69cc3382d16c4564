package org.safepassage.enrollment.biometrics;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;

/**
 * {@link Gallery} over a concurrent map, with an immutable snapshot of its entries for 1:N search.
 *
 * <p>The snapshot is a list so a search can split it into slices for parallel matching. It is built on the first
 * search after a change and dropped by every change, so a put or remove is seen by every search that starts after it
 * returns (erasure must take effect at once), and a run of enrollments costs one rebuild, not one per enrollment.
 */
final class InMemoryGallery implements Gallery {
    private final ConcurrentMap<String, FingerprintTemplateBytes> templates = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private volatile List<Map.Entry<String, FingerprintTemplateBytes>> snapshot;

    @Override
    public void put(final String subjectId, final FingerprintTemplateBytes template) {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(template, "template");
        synchronized (lock) {
            templates.put(subjectId, template);
            snapshot = null;
        }
    }

    @Override
    public boolean remove(final String subjectId) {
        Objects.requireNonNull(subjectId, "subjectId");
        synchronized (lock) {
            final boolean removed = templates.remove(subjectId) != null;
            snapshot = null;
            return removed;
        }
    }

    @Override
    public Optional<FingerprintTemplateBytes> find(final String subjectId) {
        return Optional.ofNullable(templates.get(Objects.requireNonNull(subjectId, "subjectId")));
    }

    @Override
    public void forEach(final BiConsumer<String, FingerprintTemplateBytes> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        for (final Map.Entry<String, FingerprintTemplateBytes> entry : snapshot()) {
            visitor.accept(entry.getKey(), entry.getValue());
        }
    }

    @Override
    public int size() {
        return templates.size();
    }

    /**
     * Every entry as of the last change, in no particular order.
     *
     * @return an immutable list
     */
    List<Map.Entry<String, FingerprintTemplateBytes>> snapshot() {
        final List<Map.Entry<String, FingerprintTemplateBytes>> current = snapshot;
        if (current != null) {
            return current;
        }
        // Built under the lock that changes take, so a snapshot can never miss a change made before it is published.
        synchronized (lock) {
            if (snapshot == null) {
                snapshot = templates.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList();
            }
            return snapshot;
        }
    }

    @Override
    public String toString() {
        return "InMemoryGallery[" + templates.size() + " subjects]";
    }
}
