package org.safepassage.enrollment.vault;

import java.util.Arrays;
import java.util.Objects;

/**
 * A subject's data key as stored: wrapped by the KEK named {@code kekId}. Not secret on its own, but it is what
 * erasure destroys, so it is stored apart from the ciphertexts it opens.
 *
 * @param kekId the id of the {@link KeyEncryptionKey} that wrapped it
 * @param wrapped the wrapped key in its versioned format (a version byte, then the KEK's output)
 */
public record WrappedDataKey(String kekId, byte[] wrapped) {
    /**
     * Checks both components are present and copies the bytes.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public WrappedDataKey {
        Objects.requireNonNull(kekId, "kekId");
        wrapped = Objects.requireNonNull(wrapped, "wrapped").clone();
    }

    /**
     * The wrapped key.
     *
     * @return a copy of the wrapped bytes
     */
    @Override
    public byte[] wrapped() {
        return wrapped.clone();
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof WrappedDataKey that && kekId.equals(that.kekId)
                && Arrays.equals(wrapped, that.wrapped);
    }

    @Override
    public int hashCode() {
        return 31 * kekId.hashCode() + Arrays.hashCode(wrapped);
    }

    @Override
    public String toString() {
        return "WrappedDataKey[kekId=" + kekId + ", " + wrapped.length + " bytes]";
    }
}
