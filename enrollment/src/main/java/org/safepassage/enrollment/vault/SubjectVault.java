package org.safepassage.enrollment.vault;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-subject envelope encryption of personal fields and biometric templates.
 *
 * <p>Ciphertext format, version 1: {@code 0x01 ‖ nonce (12 random bytes) ‖ AES-256-GCM ciphertext ‖ tag (16
 * bytes)}, with associated data binding the format version, the subject id and the field name, so a ciphertext
 * copied into another subject's row or another column fails authentication. A new version byte is how a later
 * algorithm is introduced without ambiguity.
 *
 * <p>Wrapped data keys are {@code 0x01 ‖ KEK output} and are stored with the KEK's id; a vault holds one current KEK
 * for new and re-wrapped keys plus any retired KEKs still needed to open older keys ({@link #rewrap(String)} moves a
 * subject onto the current one).
 *
 * <p>Thread-safe. Data keys exist in memory only for the duration of one call and are cleared afterwards.
 */
public final class SubjectVault {
    /** Version byte of ciphertexts this vault writes. */
    public static final byte CIPHERTEXT_V1 = 0x01;
    /** Version byte of wrapped data keys this vault writes: a 256-bit AES-GCM data key wrapped by the KEK. */
    public static final byte WRAPPED_KEY_V1 = 0x01;

    private static final int DATA_KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] AAD_DOMAIN = "safepassage/vault/v1".getBytes(StandardCharsets.US_ASCII);

    private final KeyEncryptionKey current;
    private final Map<String, KeyEncryptionKey> keks;
    private final DataKeyStore store;
    private final SecureRandom random;

    private SubjectVault(final KeyEncryptionKey current, final Map<String, KeyEncryptionKey> keks,
            final DataKeyStore store, final SecureRandom random) {
        this.current = current;
        this.keks = keks;
        this.store = store;
        this.random = random;
    }

    /**
     * Creates a vault.
     *
     * @param current the KEK that wraps new data keys
     * @param store where wrapped data keys live
     * @param retired older KEKs, kept only to open keys they wrapped until those are re-wrapped
     * @return the vault
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if two KEKs share an id
     */
    public static SubjectVault create(final KeyEncryptionKey current, final DataKeyStore store,
            final KeyEncryptionKey... retired) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(store, "store");
        final Map<String, KeyEncryptionKey> keks = new HashMap<>();
        keks.put(current.keyId(), current);
        for (final KeyEncryptionKey kek : retired) {
            if (keks.putIfAbsent(Objects.requireNonNull(kek, "retired KEK").keyId(), kek) != null) {
                throw new IllegalArgumentException("two KEKs share the id " + kek.keyId());
            }
        }
        return new SubjectVault(current, Map.copyOf(keks), store, new SecureRandom());
    }

    /**
     * Creates and stores a new random data key for a subject. Call once, before the first {@link #encrypt}.
     *
     * @param subjectId the subject
     * @throws VaultException with {@link VaultException.Reason#SUBJECT_KEY_EXISTS} if the subject has a key already
     */
    public void createSubjectKey(final String subjectId) {
        Objects.requireNonNull(subjectId, "subjectId");
        final byte[] dataKey = new byte[DATA_KEY_BYTES];
        random.nextBytes(dataKey);
        try {
            if (!store.insert(subjectId, wrap(dataKey))) {
                throw new VaultException(VaultException.Reason.SUBJECT_KEY_EXISTS, "subject already has a data key");
            }
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Whether the subject has a data key, i.e. was created and not erased.
     *
     * @param subjectId the subject
     * @return {@code true} if its ciphertexts can be opened
     */
    public boolean hasSubjectKey(final String subjectId) {
        return store.find(Objects.requireNonNull(subjectId, "subjectId")).isPresent();
    }

    /**
     * Destroys the subject's data key: every ciphertext sealed for the subject becomes unreadable, including copies
     * in backups. This cannot be undone.
     *
     * @param subjectId the subject
     * @return {@code true} if a key was destroyed, {@code false} if there was none
     */
    public boolean destroySubjectKey(final String subjectId) {
        return store.destroy(Objects.requireNonNull(subjectId, "subjectId"));
    }

    /**
     * Re-wraps the subject's data key under the current KEK (KEK rotation). Ciphertexts are unchanged.
     *
     * @param subjectId the subject
     * @return {@code true} if the key was re-wrapped, {@code false} if it already was under the current KEK
     * @throws VaultException if the subject has no key or its KEK is not held
     */
    public boolean rewrap(final String subjectId) {
        final WrappedDataKey stored = storedKey(subjectId);
        if (stored.kekId().equals(current.keyId())) {
            return false;
        }
        final byte[] dataKey = unwrap(stored);
        try {
            if (!store.replace(subjectId, stored, wrap(dataKey))) {
                throw new VaultException(VaultException.Reason.NO_SUBJECT_KEY,
                        "subject's data key changed or was destroyed during re-wrapping");
            }
            return true;
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Seals one field of a subject.
     *
     * @param subjectId the subject; bound into the ciphertext
     * @param field the field; its name is bound into the ciphertext
     * @param plaintext the value
     * @return the versioned ciphertext
     * @throws VaultException if the subject has no data key
     */
    public byte[] encrypt(final String subjectId, final VaultField field, final byte[] plaintext) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(plaintext, "plaintext");
        final byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        final byte[] sealed = gcm(Cipher.ENCRYPT_MODE, subjectId, field, nonce, plaintext, 0, plaintext.length);
        final byte[] out = new byte[1 + NONCE_BYTES + sealed.length];
        out[0] = CIPHERTEXT_V1;
        System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
        System.arraycopy(sealed, 0, out, 1 + NONCE_BYTES, sealed.length);
        return out;
    }

    /**
     * Opens one field of a subject.
     *
     * @param subjectId the subject the ciphertext was sealed for
     * @param field the field it was sealed for
     * @param ciphertext what {@link #encrypt} returned
     * @return the value
     * @throws VaultException if the subject has no data key (e.g. erased), or the ciphertext is malformed, of an
     *     unknown version, altered, or sealed for another subject or field
     */
    public byte[] decrypt(final String subjectId, final VaultField field, final byte[] ciphertext) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (ciphertext.length < 1 + NONCE_BYTES + TAG_BITS / 8) {
            throw new VaultException(VaultException.Reason.MALFORMED_CIPHERTEXT,
                    "ciphertext of " + ciphertext.length + " bytes is too short");
        }
        if (ciphertext[0] != CIPHERTEXT_V1) {
            throw new VaultException(VaultException.Reason.UNSUPPORTED_VERSION,
                    "unknown ciphertext version " + (ciphertext[0] & 0xff));
        }
        final byte[] nonce = Arrays.copyOfRange(ciphertext, 1, 1 + NONCE_BYTES);
        return gcm(Cipher.DECRYPT_MODE, subjectId, field, nonce, ciphertext, 1 + NONCE_BYTES,
                ciphertext.length - 1 - NONCE_BYTES);
    }

    /**
     * Seals a text field as UTF-8.
     *
     * @param subjectId the subject
     * @param field the field name
     * @param text the value
     * @return the versioned ciphertext
     * @see #encrypt(String, String, byte[])
     */
    public byte[] encryptText(final String subjectId, final VaultField field, final String text) {
        return encrypt(subjectId, field, Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Opens a text field sealed by {@link #encryptText}.
     *
     * @param subjectId the subject
     * @param field the field name
     * @param ciphertext the sealed value
     * @return the text
     * @see #decrypt(String, String, byte[])
     */
    public String decryptText(final String subjectId, final VaultField field, final byte[] ciphertext) {
        return new String(decrypt(subjectId, field, ciphertext), StandardCharsets.UTF_8);
    }

    private byte[] gcm(final int mode, final String subjectId, final VaultField field, final byte[] nonce,
            final byte[] input, final int offset, final int length) {
        final byte[] dataKey = unwrap(storedKey(subjectId));
        try {
            final Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(dataKey, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(subjectId, field.name()));
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw new VaultException(VaultException.Reason.AUTHENTICATION_FAILED,
                    "ciphertext does not authenticate for this subject and field: altered or misplaced");
        } catch (GeneralSecurityException e) {
            // AES-GCM is mandatory in every Java SE runtime; reaching this means a broken JVM, not bad input.
            throw new IllegalStateException("AES-GCM unavailable", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /*
     * Length-prefixed so that ("ab", "c") and ("a", "bc") give different associated data; the domain string carries
     * the format version, so a v1 ciphertext can never authenticate under a later format's rules.
     */
    private static byte[] associatedData(final String subjectId, final String field) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.writeBytes(AAD_DOMAIN);
        for (final String part : new String[] {subjectId, field}) {
            final byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            out.write(bytes.length >>> 8);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private WrappedDataKey storedKey(final String subjectId) {
        return store.find(Objects.requireNonNull(subjectId, "subjectId"))
                .orElseThrow(() -> new VaultException(VaultException.Reason.NO_SUBJECT_KEY,
                        "subject has no data key: never created, or erased"));
    }

    private WrappedDataKey wrap(final byte[] dataKey) {
        final byte[] kekOutput = current.wrap(dataKey);
        final byte[] wrapped = new byte[1 + kekOutput.length];
        wrapped[0] = WRAPPED_KEY_V1;
        System.arraycopy(kekOutput, 0, wrapped, 1, kekOutput.length);
        return new WrappedDataKey(current.keyId(), wrapped);
    }

    private byte[] unwrap(final WrappedDataKey stored) {
        final KeyEncryptionKey kek = keks.get(stored.kekId());
        if (kek == null) {
            throw new VaultException(VaultException.Reason.UNKNOWN_KEK,
                    "data key is wrapped by KEK " + stored.kekId() + ", which this vault does not hold");
        }
        final byte[] wrapped = stored.wrapped();
        if (wrapped.length == 0 || wrapped[0] != WRAPPED_KEY_V1) {
            throw new VaultException(VaultException.Reason.UNSUPPORTED_VERSION, "unknown wrapped-key version");
        }
        final byte[] dataKey = kek.unwrap(Arrays.copyOfRange(wrapped, 1, wrapped.length));
        if (dataKey.length != DATA_KEY_BYTES) {
            Arrays.fill(dataKey, (byte) 0);
            throw new VaultException(VaultException.Reason.KEY_UNWRAP_FAILED, "unwrapped data key has wrong length");
        }
        return dataKey;
    }

    @Override
    public String toString() {
        return "SubjectVault[currentKek=" + current.keyId() + ", keks=" + keks.keySet() + "]";
    }
}
