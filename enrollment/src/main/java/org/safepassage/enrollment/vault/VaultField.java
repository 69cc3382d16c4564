package org.safepassage.enrollment.vault;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a sealed field of a subject. It is part of the AES-GCM associated data, so a ciphertext opens only as
 * the field it was sealed for: a misspelt name would not fail to compile as a bare string does, it would fail to
 * decrypt. Hence the constants, and no public way to make another name.
 */
public final class VaultField {
    /* First: the constants below are checked against it as the class initialises. */
    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9_.:]{0,63}");

    /** The person's personal data (names, birth date, ...), sealed as JSON. */
    public static final VaultField PERSONAL = new VaultField("personal");
    /** One guardian's details, sealed as JSON. */
    public static final VaultField GUARDIAN = new VaultField("guardian");
    /** The consent record, sealed as JSON. */
    public static final VaultField CONSENT = new VaultField("consent");
    /** The photo, as uploaded. */
    public static final VaultField PHOTO = new VaultField("photo");
    /** The salt of the fp-v1 commitment. */
    public static final VaultField SALT = new VaultField("salt");
    /**
     * A chunk of the fingerprint index's snapshot on disk (derived biometric data), sealed under a data key of its
     * own that an erasure destroys.
     */
    public static final VaultField INDEX_SNAPSHOT = new VaultField("indexSnapshot");

    private final String name;

    private VaultField(final String name) {
        if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
            throw new IllegalArgumentException("not a vault field name: " + name);
        }
        this.name = name;
    }

    /** The fingerprint template of one finger (the finger's enum name, e.g. RIGHT_INDEX). */
    public static VaultField template(final String finger) {
        return new VaultField("template:" + finger);
    }

    /**
     * One sealed part of an enrolled eye's iris (e.g. {@code iris:LEFT:code}): the eye's enum name and the part
     * ({@code code}, {@code helper} or {@code salt}).
     */
    public static VaultField iris(final String eye, final String part) {
        return new VaultField("iris:" + eye + ":" + part);
    }

    /* For the vault's own tests, which seal fields of their own. */
    static VaultField of(final String name) {
        return new VaultField(name);
    }

    /** The name bound into the ciphertext. */
    public String name() {
        return name;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof VaultField field && field.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
