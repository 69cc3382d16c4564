package org.safepassage.guardian.verification;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Phone verifications in memory, keyed by id, with atomic per-id updates. This slice keeps no database: a restart
 * forgets pending verifications (callers simply start a new one). Idempotency keys map to the verification they
 * created.
 */
@ApplicationScoped
final class VerificationStore {
    private final Map<String, PhoneVerification> byId = new ConcurrentHashMap<>();
    private final Map<String, String> byIdempotencyKey = new ConcurrentHashMap<>();

    void insert(final PhoneVerification verification) {
        if (byId.putIfAbsent(verification.id(), verification) != null) {
            throw new IllegalStateException("duplicate verification id");
        }
    }

    Optional<PhoneVerification> find(final String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Applies {@code change} atomically to the stored verification; empty if unknown. */
    Optional<PhoneVerification> update(final String id, final UnaryOperator<PhoneVerification> change) {
        return Optional.ofNullable(byId.computeIfPresent(id, (key, current) -> change.apply(current)));
    }

    /** Binds an idempotency key to an id, or returns the id it is already bound to. */
    Optional<String> bindIdempotencyKey(final String key, final String id) {
        return Optional.ofNullable(byIdempotencyKey.putIfAbsent(key, id));
    }
}
