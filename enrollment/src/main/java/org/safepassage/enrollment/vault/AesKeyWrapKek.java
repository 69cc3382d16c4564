package org.safepassage.enrollment.vault;

import java.util.Objects;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESWrapEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/** AES-256 Key Wrap (RFC 3394) with a key held in memory. */
final class AesKeyWrapKek implements KeyEncryptionKey {
    private final String keyId;
    private final byte[] key;

    AesKeyWrapKek(final String keyId, final byte[] key) {
        this.keyId = keyId;
        this.key = key;
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public byte[] wrap(final byte[] dataKey) {
        Objects.requireNonNull(dataKey, "dataKey");
        // A fresh engine per call: BouncyCastle engines are not thread-safe and AES-KW setup is cheap.
        final AESWrapEngine engine = new AESWrapEngine();
        engine.init(true, new KeyParameter(key));
        return engine.wrap(dataKey, 0, dataKey.length);
    }

    @Override
    public byte[] unwrap(final byte[] wrappedKey) {
        Objects.requireNonNull(wrappedKey, "wrappedKey");
        final AESWrapEngine engine = new AESWrapEngine();
        engine.init(false, new KeyParameter(key));
        try {
            return engine.unwrap(wrappedKey, 0, wrappedKey.length);
        } catch (InvalidCipherTextException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new VaultException(VaultException.Reason.KEY_UNWRAP_FAILED,
                    "data key does not unwrap under KEK " + keyId + ": altered, or wrapped by another KEK");
        }
    }

    @Override
    public String toString() {
        return "AesKeyWrapKek[keyId=" + keyId + "]";
    }
}
