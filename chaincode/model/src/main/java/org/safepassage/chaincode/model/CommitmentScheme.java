package org.safepassage.chaincode.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a subject's biometric commitment was derived; versioned so schemes can be renewed. */
public enum CommitmentScheme {
    /** Fingerprint: keyed slow derivation over the key derived from the enrolled template, matched off-chain. */
    FP_V1("fp-v1"),
    /** Iris fuzzy commitment (Hadamard + Reed-Solomon): a fresh scan re-derives the key itself. */
    IRIS_FC_V1("iris-fc-v1");

    private final String id;

    CommitmentScheme(final String id) {
        this.id = id;
    }

    /** The scheme id as written on the ledger, e.g. {@code fp-v1}. */
    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static CommitmentScheme fromId(final String id) {
        for (final CommitmentScheme scheme : values()) {
            if (scheme.id.equals(id)) {
                return scheme;
            }
        }
        throw new IllegalArgumentException("scheme: unknown commitment scheme " + id);
    }
}
