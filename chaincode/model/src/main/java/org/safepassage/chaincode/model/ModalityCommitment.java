package org.safepassage.chaincode.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One more biometric commitment of a subject, beside the primary one ({@link Subject#commitment()}): a subject
 * enrolled with fingers and irises, or with both eyes, has one commitment per modality or eye, each naming its scheme
 * ({@code fp-v1}, {@code iris-fc-v1}). Like the primary, it is a keyed slow hash: nothing biometric.
 *
 * @param scheme how the commitment was derived
 * @param commitment keyed commitment (64 lower-case hex digits)
 */
public record ModalityCommitment(CommitmentScheme scheme, String commitment) {
    /** At most this many commitments beside the primary one: ten fingers commit as one, two eyes one each. */
    public static final int MAX_ADDITIONAL = 3;

    public ModalityCommitment {
        Require.present("scheme", scheme);
        Require.sha256Hex("commitment", commitment);
    }

    /**
     * The additional commitments of a subject, checked: none repeats another or the primary one. An empty list is
     * {@code null}, so a subject with one commitment is written exactly as before these existed.
     */
    static List<ModalityCommitment> additional(final String primary, final List<ModalityCommitment> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        Require.that(values.size() <= MAX_ADDITIONAL,
                "additionalCommitments: at most " + MAX_ADDITIONAL + " beside the primary commitment");
        final Set<String> seen = new HashSet<>();
        seen.add(primary);
        final List<ModalityCommitment> checked = new ArrayList<>();
        for (final ModalityCommitment value : values) {
            Require.present("additionalCommitments[]", value);
            Require.that(seen.add(value.commitment()), "additionalCommitments: a commitment is given twice");
            checked.add(value);
        }
        return List.copyOf(checked);
    }
}
