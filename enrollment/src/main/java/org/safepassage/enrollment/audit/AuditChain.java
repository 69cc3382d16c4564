package org.safepassage.enrollment.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Objects;

/**
 * The one definition of the access audit's hash chain: {@code rowHash = SHA-256(prevHash || fields)}, where the
 * fields are a domain tag, the row number, the time (ISO-8601, to the microsecond), actor, purpose, subject and what, each
 * as a 4-byte big-endian length and its UTF-8 bytes. Row 1's {@code prevHash} is 32 zero bytes.
 */
public final class AuditChain {
    /** The previous hash of the first row. */
    public static final byte[] GENESIS = new byte[32];

    private static final byte[] DOMAIN = "safepassage-access-audit-v1".getBytes(StandardCharsets.UTF_8);

    private AuditChain() {}

    /** The hash a row with these fields must carry after a row whose hash is {@code prevHash}. */
    public static byte[] rowHash(final byte[] prevHash, final long seq, final Instant readAt, final String actor,
            final String purpose, final String subjectId, final String what) {
        final MessageDigest sha256 = sha256();
        sha256.update(Objects.requireNonNull(prevHash, "prevHash"));
        field(sha256, DOMAIN);
        field(sha256, Long.toString(seq));
        field(sha256, readAt.toString());
        field(sha256, actor);
        field(sha256, purpose);
        field(sha256, subjectId);
        field(sha256, what);
        return sha256.digest();
    }

    /** The hash {@code entry} must carry given its own fields and its {@code prevHash}. */
    public static byte[] expected(final AuditEntry entry) {
        return rowHash(entry.prevHash(), entry.seq(), entry.readAt(), entry.actor(), entry.purpose(),
                entry.subjectId(), entry.what());
    }

    private static void field(final MessageDigest digest, final String value) {
        field(digest, Objects.requireNonNull(value).getBytes(StandardCharsets.UTF_8));
    }

    private static void field(final MessageDigest digest, final byte[] value) {
        digest.update(ByteBuffer.allocate(4).putInt(value.length).array());
        digest.update(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
