package org.safepassage.enrollment.commitment;

import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** A pepper in memory, used through HMAC-SHA256. */
final class HmacPepper implements Pepper {
    private final String keyId;
    private final byte[] pepper;

    HmacPepper(final String keyId, final byte[] pepper) {
        this.keyId = keyId;
        this.pepper = pepper;
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public byte[] derive(final byte[] purpose) {
        Objects.requireNonNull(purpose, "purpose");
        final HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(pepper));
        mac.update(purpose, 0, purpose.length);
        final byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    @Override
    public String toString() {
        return "HmacPepper[keyId=" + keyId + "]";
    }
}
