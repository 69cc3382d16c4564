package org.safepassage.enrollment.biometrics.iris;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.safepassage.enrollment.commitment.Commitment;
import org.safepassage.enrollment.commitment.CommitmentSalt;
import org.safepassage.enrollment.commitment.KeyedSlowHash;
import org.safepassage.enrollment.commitment.Pepper;
import org.safepassage.enrollment.commitment.SaltedCommitment;

/**
 * The {@code iris-fc-v1} commitment: a fuzzy commitment (Juels and Wattenberg 1999) of a random key to an IrisCode,
 * with Hao, Anderson and Daugman's (2006) concatenated Hadamard and Reed-Solomon codes:
 *
 * <pre>
 * key        = {@value #KEY_SYMBOLS} random 7-bit symbols ({@value #KEY_BITS} bits)
 * offset     = Hadamard[64,7]( RS[32,{@value #KEY_SYMBOLS}] over GF(2^7) (key) ), blocks interleaved  XOR  IrisCode
 * helper     = (offset, enrolled mask)                       → vault, encrypted per subject
 * commitment = KeyedSlowHash("iris-fc-v1", key, salt, pepper) → ledger (as fp-v1: HKDF, HMAC pepper, Argon2id)
 * </pre>
 *
 * <p>At the border a fresh capture XOR the offset is the codeword plus the bit differences between the two captures;
 * if they are few enough the decoder returns the key itself and the commitment is recomputed from it. Neither the
 * IrisCode nor the key is stored. The Reed-Solomon code corrects up to 8 of 32 blocks, where Hao, Anderson and
 * Daugman corrected 6 with a 140-bit key: on the synthetic pairs (docs/biometrics.md) 6 blocks fail 1.7% of genuine
 * pairs and 8 blocks 0.8%, while no impostor pair released a key until 12 blocks were corrected. The key is 112 bits;
 * its real strength is bounded by the IrisCode's entropy anyway (Hao et al. estimate 44 bits), which is why the
 * pepper and Argon2id, not the key length, protect the ledger value.
 *
 * <p>Thread-safe. Enrollment costs one Argon2id; verification one per distinct key released (almost always one).
 */
public final class IrisFcV1Commitments {
    /** The scheme id written on the ledger. */
    public static final String SCHEME_ID = "iris-fc-v1";
    /** Reed-Solomon data symbols: the key length in 7-bit symbols. */
    public static final int KEY_SYMBOLS = 16;
    /** Key length in bits. */
    public static final int KEY_BITS = KEY_SYMBOLS * HadamardCode.SYMBOL_BITS;
    /** Reed-Solomon block errors corrected. */
    public static final int CORRECTABLE_BLOCKS = (FuzzyIrisCodec.BLOCKS - KEY_SYMBOLS) / 2;
    /* Distinct released keys tried against the ledger per verification; each costs one Argon2id. */
    private static final int MAX_KEYS_TRIED = 3;

    private final KeyedSlowHash hash;
    private final FuzzyIrisCodec codec = new FuzzyIrisCodec(KEY_SYMBOLS);
    private final SecureRandom random;

    private IrisFcV1Commitments(final Pepper pepper, final SecureRandom random) {
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
    public static IrisFcV1Commitments create(final Pepper pepper) {
        return new IrisFcV1Commitments(Objects.requireNonNull(pepper, "pepper"), new SecureRandom());
    }

    /**
     * Enrolls (or renews): draws a fresh key and salt, binds the key to the code, and commits to the key. Each call
     * gives new, unlinkable helper data and commitment for the same eye.
     *
     * @param code the enrolled IrisCode
     * @return helper data and salt for the vault, commitment for the ledger
     * @throws NullPointerException if {@code code} is {@code null}
     */
    public IrisEnrollment enroll(final IrisCode code) {
        Objects.requireNonNull(code, "code");
        final int[] key = new int[KEY_SYMBOLS];
        for (int i = 0; i < key.length; i++) {
            key[i] = random.nextInt(1 << HadamardCode.SYMBOL_BITS);
        }
        final long[] offset = codec.encode(key);
        final long[] bits = code.bits();
        for (int w = 0; w < offset.length; w++) {
            offset[w] ^= bits[w];
        }
        final CommitmentSalt salt = CommitmentSalt.random(random);
        final Commitment commitment = commit(key, salt);
        Arrays.fill(key, 0);
        return new IrisEnrollment(new IrisHelperData(offset, code.mask()), new SaltedCommitment(salt, commitment));
    }

    /**
     * Re-derives the commitment from a fresh capture: the key the decoder releases with the fewest corrections.
     *
     * @param fresh the fresh IrisCode
     * @param helper the subject's helper data
     * @param salt the subject's salt
     * @return the commitment, or empty when no rotation of the fresh code decodes (another eye, or too noisy)
     * @throws NullPointerException if an argument is {@code null}
     */
    public Optional<Commitment> rederive(final IrisCode fresh, final IrisHelperData helper, final CommitmentSalt salt) {
        final List<FuzzyIrisCodec.Release> releases = release(fresh, helper, salt);
        return releases.isEmpty() ? Optional.empty() : Optional.of(commit(releases.get(0).key(), salt));
    }

    /**
     * Checks a fresh capture against the ledger's commitment, trying up to three distinct released keys (rotations
     * that decode to different keys are rare; each try costs one Argon2id).
     *
     * @param fresh the fresh IrisCode
     * @param helper the subject's helper data
     * @param salt the subject's salt
     * @param ledgerCommitment the commitment read from the ledger (64 lower-case hex digits)
     * @return {@code true} if a released key gives the ledger's commitment
     * @throws IllegalArgumentException if {@code ledgerCommitment} is not 64 lower-case hex digits
     */
    public boolean matches(final IrisCode fresh, final IrisHelperData helper, final CommitmentSalt salt,
            final String ledgerCommitment) {
        Objects.requireNonNull(ledgerCommitment, "ledgerCommitment");
        if (!ledgerCommitment.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("ledger commitment must be 64 lower-case hex digits");
        }
        final byte[] expected = HexFormat.of().parseHex(ledgerCommitment);
        final Set<String> tried = new HashSet<>();
        for (final FuzzyIrisCodec.Release release : release(fresh, helper, salt)) {
            if (tried.size() == MAX_KEYS_TRIED || !tried.add(Arrays.toString(release.key()))) {
                continue;
            }
            final byte[] actual = HexFormat.of().parseHex(commit(release.key(), salt).value());
            if (MessageDigest.isEqual(actual, expected)) {
                return true;
            }
        }
        return false;
    }

    private List<FuzzyIrisCodec.Release> release(final IrisCode fresh, final IrisHelperData helper,
            final CommitmentSalt salt) {
        Objects.requireNonNull(fresh, "fresh");
        Objects.requireNonNull(helper, "helper");
        Objects.requireNonNull(salt, "salt");
        return codec.release(helper.offset(), helper.mask(), fresh);
    }

    private Commitment commit(final int[] key, final CommitmentSalt salt) {
        final byte[] material = new byte[key.length];
        for (int i = 0; i < key.length; i++) {
            material[i] = (byte) key[i];
        }
        final byte[] value = hash.hash(material, salt);
        try {
            return new Commitment(SCHEME_ID, HexFormat.of().formatHex(value), hash.pepperId());
        } finally {
            Arrays.fill(material, (byte) 0);
            Arrays.fill(value, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "IrisFcV1Commitments[pepper=" + hash.pepperId() + "]";
    }
}
