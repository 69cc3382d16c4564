package org.safepassage.enrollment.subject;

import java.security.SecureRandom;
import java.util.Base64;

/** Random ids that say nothing about the person: what the ledger and other agencies see instead of names. */
public final class OpaqueIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private OpaqueIds() {}

    /** {@code prefix} and 128 random bits, URL-safe: within the ledger's 16-64 character opaque-id rule. */
    public static String random(final String prefix) {
        final byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
