package org.safepassage.ledger.sim;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;
import java.util.Objects;

/**
 * A committed world-state entry.
 *
 * @param value the value bytes (never empty: Fabric treats an empty write as a delete)
 * @param validationParameter key-level endorsement policy metadata, or {@code null} when none was set
 * @param version the height of the transaction that last wrote the value or its metadata
 */
public record VersionedValue(byte[] value, byte[] validationParameter, Version version) {

    /** Copies the arrays so callers cannot alter committed state. */
    public VersionedValue {
        value = Objects.requireNonNull(value, "value").clone();
        validationParameter = validationParameter == null ? null : validationParameter.clone();
        Objects.requireNonNull(version, "version");
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public byte[] validationParameter() {
        return validationParameter == null ? null : validationParameter.clone();
    }

    /** @return the value decoded as UTF-8 */
    public String valueAsString() {
        return new String(value, UTF_8);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof VersionedValue other
                && Arrays.equals(value, other.value)
                && Arrays.equals(validationParameter, other.validationParameter)
                && version.equals(other.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(value), Arrays.hashCode(validationParameter), version);
    }

    @Override
    public String toString() {
        return "VersionedValue[" + valueAsString() + " @" + version + "]";
    }
}
