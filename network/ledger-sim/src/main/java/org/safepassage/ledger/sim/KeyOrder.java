package org.safepassage.ledger.sim;

import java.util.Comparator;

/**
 * Orders keys by Unicode code point, which is the order of their UTF-8 bytes and so the order Fabric's LevelDB
 * state database iterates in. {@link String#compareTo} compares UTF-16 units instead and would sort U+E000..U+FFFF
 * after the surrogate pairs, e.g. after the {@code U+10FFFF} that ends partial composite key ranges.
 */
final class KeyOrder {
    static final Comparator<String> COMPARATOR = KeyOrder::compare;

    private KeyOrder() {}

    static int compare(final String a, final String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            final int ca = a.codePointAt(i);
            final int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
