package org.safepassage.enrollment.biometrics;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;

/** {@link Gallery} over a concurrent map. */
final class InMemoryGallery implements Gallery {
    private final ConcurrentMap<String, FingerprintTemplateBytes> templates = new ConcurrentHashMap<>();

    @Override
    public void put(final String subjectId, final FingerprintTemplateBytes template) {
        templates.put(Objects.requireNonNull(subjectId, "subjectId"), Objects.requireNonNull(template, "template"));
    }

    @Override
    public boolean remove(final String subjectId) {
        return templates.remove(Objects.requireNonNull(subjectId, "subjectId")) != null;
    }

    @Override
    public Optional<FingerprintTemplateBytes> find(final String subjectId) {
        return Optional.ofNullable(templates.get(Objects.requireNonNull(subjectId, "subjectId")));
    }

    @Override
    public void forEach(final BiConsumer<String, FingerprintTemplateBytes> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        templates.forEach(visitor);
    }

    @Override
    public int size() {
        return templates.size();
    }

    @Override
    public String toString() {
        return "InMemoryGallery[" + templates.size() + " subjects]";
    }
}
