package org.safepassage.enrollment.vault;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link DataKeyStore} over a concurrent map. */
final class InMemoryDataKeyStore implements DataKeyStore {
    private final ConcurrentMap<String, WrappedDataKey> keys = new ConcurrentHashMap<>();

    @Override
    public boolean insert(final String subjectId, final WrappedDataKey key) {
        Objects.requireNonNull(key, "key");
        return keys.putIfAbsent(Objects.requireNonNull(subjectId, "subjectId"), key) == null;
    }

    @Override
    public boolean replace(final String subjectId, final WrappedDataKey expected, final WrappedDataKey replacement) {
        return keys.replace(Objects.requireNonNull(subjectId, "subjectId"), Objects.requireNonNull(expected),
                Objects.requireNonNull(replacement));
    }

    @Override
    public Optional<WrappedDataKey> find(final String subjectId) {
        return Optional.ofNullable(keys.get(Objects.requireNonNull(subjectId, "subjectId")));
    }

    @Override
    public boolean destroy(final String subjectId) {
        return keys.remove(Objects.requireNonNull(subjectId, "subjectId")) != null;
    }

    @Override
    public String toString() {
        return "InMemoryDataKeyStore[" + keys.size() + " keys]";
    }
}
