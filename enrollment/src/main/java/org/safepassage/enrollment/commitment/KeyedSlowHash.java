package org.safepassage.enrollment.commitment;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The keyed slow hash every commitment scheme ends in, parameterised only by its scheme id:
 *
 * <pre>
 * k          = HKDF-SHA256(ikm = key material, salt = salt, info = "safepassage/{scheme}/key")           (32 bytes)
 * secret     = HMAC-SHA256(pepper, "safepassage/{scheme}/pepper")                                       (32 bytes)
 * commitment = Argon2id v1.3(password = k, salt = salt, secret = secret,
 *                           ad = "safepassage/{scheme}/commitment" ‖ 0x00 ‖ scheme,
 *                           m = 19 MiB, t = 2, p = 1)                                                   (32 bytes)
 * </pre>
 *
 * <p>One implementation for {@code fp-v1} (key material = the stored template bytes) and {@code iris-fc-v1} (key
 * material = the key a fuzzy commitment releases), so the two cannot drift in cost or in how the pepper is used.
 *
 * <p>Thread-safe. Each call allocates 19 MiB and takes tens of milliseconds.
 */
public final class KeyedSlowHash {
    /*
     * Argon2id cost: RFC 9106 section 4 / OWASP's "m=19 MiB, t=2, p=1" profile. It makes one guess cost ~19 MiB of
     * memory-hard work, on top of the pepper, which an attacker holding only the ledger does not have. Kept modest
     * because the border check recomputes one commitment per scan. p = 1 because BouncyCastle computes lanes
     * sequentially, so more lanes add no speed here.
     */
    /** Argon2id memory cost in KiB (19 MiB). */
    public static final int ARGON2_MEMORY_KIB = 19 * 1024;
    /** Argon2id passes over memory. */
    public static final int ARGON2_ITERATIONS = 2;
    /** Argon2id lanes. */
    public static final int ARGON2_PARALLELISM = 1;
    /** Output length in bytes. */
    public static final int OUTPUT_BYTES = 32;

    private final Pepper pepper;
    private final byte[] keyInfo;
    private final byte[] pepperPurpose;
    private final byte[] associatedData;

    private KeyedSlowHash(final Pepper pepper, final String scheme) {
        this.pepper = pepper;
        this.keyInfo = ascii("safepassage/" + scheme + "/key");
        this.pepperPurpose = ascii("safepassage/" + scheme + "/pepper");
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("safepassage/" + scheme + "/commitment"));
        // A separator byte so the tag and the scheme id cannot run together ambiguously.
        out.write(0);
        out.writeBytes(ascii(scheme));
        this.associatedData = out.toByteArray();
    }

    /**
     * The hash of one scheme under the system pepper.
     *
     * @param pepper the pepper
     * @param scheme the scheme id, e.g. {@code fp-v1}; part of every label
     * @return the hash
     * @throws NullPointerException if an argument is {@code null}
     */
    public static KeyedSlowHash of(final Pepper pepper, final String scheme) {
        return new KeyedSlowHash(Objects.requireNonNull(pepper, "pepper"), Objects.requireNonNull(scheme, "scheme"));
    }

    /**
     * The id of the pepper this hash uses.
     *
     * @return the pepper's key id
     */
    public String pepperId() {
        return pepper.keyId();
    }

    /**
     * Hashes key material under a salt.
     *
     * @param keyMaterial the secret input (template bytes or a released key); not kept
     * @param salt the subject's salt
     * @return 32 bytes; the caller clears them after use
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code keyMaterial} is empty
     */
    public byte[] hash(final byte[] keyMaterial, final CommitmentSalt salt) {
        Objects.requireNonNull(keyMaterial, "keyMaterial");
        Objects.requireNonNull(salt, "salt");
        if (keyMaterial.length == 0) {
            throw new IllegalArgumentException("key material is empty");
        }
        final byte[] saltBytes = salt.bytes();
        final byte[] key = new byte[OUTPUT_BYTES];
        final HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(keyMaterial, saltBytes, keyInfo));
        hkdf.generateBytes(key, 0, key.length);
        final byte[] secret = pepper.derive(pepperPurpose.clone());
        try {
            final Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
            argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withSalt(saltBytes)
                    .withSecret(secret)
                    .withAdditional(associatedData)
                    .withMemoryAsKB(ARGON2_MEMORY_KIB)
                    .withIterations(ARGON2_ITERATIONS)
                    .withParallelism(ARGON2_PARALLELISM)
                    .build());
            final byte[] out = new byte[OUTPUT_BYTES];
            argon2.generateBytes(key, out);
            return out;
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static byte[] ascii(final String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "KeyedSlowHash[pepper=" + pepper.keyId() + "]";
    }
}
