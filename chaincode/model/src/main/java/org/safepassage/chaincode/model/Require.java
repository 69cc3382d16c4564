package org.safepassage.chaincode.model;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Field checks shared by the records' compact constructors; each failure names the field. */
final class Require {
    /** Opaque identifiers: random, URL-safe, long enough not to be guessed or to collide. */
    private static final Pattern OPAQUE_ID = Pattern.compile(Identifiers.OPAQUE_ID_PATTERN);
    /** Identifiers minted by the ledger itself (Fabric transaction ids, optionally with a suffix). */
    private static final Pattern LEDGER_ID = Pattern.compile(Identifiers.LEDGER_ID_PATTERN);
    /** A border post: ISO 3166 alpha-2 country, a dash, the post's code. */
    private static final Pattern POST = Pattern.compile("[A-Z]{2}-[A-Z0-9_]{2,32}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

    private Require() {}

    static <T> T present(final String field, final T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": is required");
        }
        return value;
    }

    static String opaqueId(final String field, final String value) {
        return matching(field, value, OPAQUE_ID, "16-64 characters of A-Z a-z 0-9 _ -");
    }

    static boolean isOpaqueId(final String value) {
        return value != null && OPAQUE_ID.matcher(value).matches();
    }

    static String ledgerId(final String field, final String value) {
        return matching(field, value, LEDGER_ID, "8-128 characters of A-Z a-z 0-9 _ . : -");
    }

    static String post(final String field, final String value) {
        return matching(field, value, POST, "a country code, a dash and the post code, e.g. MD-LEUSENI");
    }

    static String country(final String field, final String value) {
        return matching(field, value, COUNTRY, "an ISO 3166 alpha-2 country code");
    }

    static String sha256Hex(final String field, final String value) {
        return matching(field, value, HEX_256, "64 lower-case hex digits (32 bytes)");
    }

    static String optionalOpaqueId(final String field, final String value) {
        return value == null ? null : opaqueId(field, value);
    }

    /** An immutable copy of distinct, individually checked items, at most {@code max} of them. */
    static List<String> distinct(final String field, final List<String> values, final int max, final Check check) {
        present(field, values);
        if (values.size() > max) {
            throw new IllegalArgumentException(field + ": at most " + max + " entries");
        }
        final var seen = new HashSet<String>();
        for (int i = 0; i < values.size(); i++) {
            final String value = check.apply(field + "[" + i + "]", values.get(i));
            if (!seen.add(value)) {
                throw new IllegalArgumentException(field + ": duplicate entry " + value);
            }
        }
        return List.copyOf(values);
    }

    static <T> List<T> list(final String field, final List<T> values) {
        present(field, values);
        for (int i = 0; i < values.size(); i++) {
            present(field + "[" + i + "]", values.get(i));
        }
        return List.copyOf(values);
    }

    static void that(final boolean condition, final String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String matching(final String field, final String value, final Pattern pattern, final String what) {
        present(field, value);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(field + ": must be " + what);
        }
        return value;
    }

    /** A per-item check that names the item's field in its failure. */
    @FunctionalInterface
    interface Check {
        String apply(String field, String value);
    }
}
