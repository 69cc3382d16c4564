package org.safepassage.enrollment.commitment;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Computes and verifies {@code fp-v1} commitments:
 *
 * <pre>
 * k          = HKDF-SHA256(ikm = template bytes, salt = salt, info = "safepassage/fp-v1/key")          (32 bytes)
 * secret     = HMAC-SHA256(pepper, "safepassage/fp-v1/pepper")                                          (32 bytes)
 * commitment = Argon2id v1.3(password = k, salt = salt, secret = secret,
 *                           ad = "safepassage/fp-v1/commitment" ‖ 0x00 ‖ "fp-v1",
 *                           m = {@value #ARGON2_MEMORY_KIB} KiB, t = {@value #ARGON2_ITERATIONS},
 *                           p = {@value #ARGON2_PARALLELISM})                                           (32 bytes, hex)
 * </pre>
 *
 * <p>The template bytes are the serialised SourceAFIS template exactly as stored in the vault; verification recomputes
 * from those stored bytes (not from a re-extraction), so the commitment only needs the stored bytes to be stable,
 * which the biometrics package tests. Every parameter above is part of the scheme: changing any of them is a new
 * scheme id, never a silent change to {@code fp-v1}.
 *
 * <p>Thread-safe. Each computation allocates {@value #ARGON2_MEMORY_KIB} KiB and takes tens of milliseconds.
 */
public final class FpV1Commitments {
    /** The scheme id written on the ledger. */
    public static final String SCHEME_ID = "fp-v1";

    /** Argon2id memory cost in KiB (19 MiB); see {@link KeyedSlowHash}. */
    public static final int ARGON2_MEMORY_KIB = KeyedSlowHash.ARGON2_MEMORY_KIB;
    /** Argon2id passes over memory. */
    public static final int ARGON2_ITERATIONS = KeyedSlowHash.ARGON2_ITERATIONS;
    /** Argon2id lanes. */
    public static final int ARGON2_PARALLELISM = KeyedSlowHash.ARGON2_PARALLELISM;

    private final Pepper pepper;
    private final KeyedSlowHash hash;
    private final SecureRandom random;

    private FpV1Commitments(final Pepper pepper, final SecureRandom random) {
        this.pepper = pepper;
        this.hash = KeyedSlowHash.of(pepper, SCHEME_ID);
        this.random = random;
    }

    /**
     * Creates the scheme with the system pepper.
     *
     * @param pepper the pepper
     * @return the scheme
     * @throws NullPointerException if {@code pepper} is {@code null}
     */
    public static FpV1Commitments create(final Pepper pepper) {
        return new FpV1Commitments(Objects.requireNonNull(pepper, "pepper"), new SecureRandom());
    }

    /**
     * Enrolls (or renews): draws a fresh salt and commits to the template with it. Each call gives an unlinkable new
     * commitment for the same template.
     *
     * @param template the serialised template as it will be stored
     * @return the salt to store and the commitment to register
     */
    public SaltedCommitment enroll(final byte[] template) {
        final CommitmentSalt salt = CommitmentSalt.random(random);
        return new SaltedCommitment(salt, commit(template, salt));
    }

    /**
     * Computes the commitment to a template under a given salt.
     *
     * @param template the serialised template
     * @param salt the subject's salt
     * @return the commitment
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if the template is empty
     */
    public Commitment commit(final byte[] template, final CommitmentSalt salt) {
        final byte[] value = derive(template, salt);
        try {
            return new Commitment(SCHEME_ID, HexFormat.of().formatHex(value), pepper.keyId());
        } finally {
            Arrays.fill(value, (byte) 0);
        }
    }

    /**
     * Recomputes the commitment from a stored template and salt and compares it in constant time with the ledger's.
     *
     * @param template the stored serialised template
     * @param salt the stored salt
     * @param ledgerCommitment the commitment read from the ledger (64 lower-case hex digits)
     * @return {@code true} if they agree; {@code false} means the off-chain record, the salt, the pepper or the ledger
     *     value is not what was enrolled
     * @throws IllegalArgumentException if {@code ledgerCommitment} is not 64 lower-case hex digits
     */
    public boolean matches(final byte[] template, final CommitmentSalt salt, final String ledgerCommitment) {
        Objects.requireNonNull(ledgerCommitment, "ledgerCommitment");
        if (!Commitment.isHex256(ledgerCommitment)) {
            throw new IllegalArgumentException("ledger commitment must be 64 lower-case hex digits");
        }
        final byte[] expected = HexFormat.of().parseHex(ledgerCommitment);
        final byte[] actual = derive(template, salt);
        try {
            return MessageDigest.isEqual(actual, expected);
        } finally {
            Arrays.fill(actual, (byte) 0);
        }
    }

    private byte[] derive(final byte[] template, final CommitmentSalt salt) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(salt, "salt");
        if (template.length == 0) {
            throw new IllegalArgumentException("template is empty");
        }
        return hash.hash(template, salt);
    }

    @Override
    public String toString() {
        return "FpV1Commitments[pepper=" + pepper.keyId() + "]";
    }
}
