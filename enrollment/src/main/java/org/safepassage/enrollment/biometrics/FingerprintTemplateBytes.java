package org.safepassage.enrollment.biometrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.machinezoo.sourceafis.FingerprintTemplate;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A fingerprint template: the serialised SourceAFIS template bytes (what the vault encrypts and the commitment is
 * derived from) together with the parsed template used for matching.
 *
 * <p>SourceAFIS serialises templates as CBOR with a fixed field order and minutiae in extraction order, so
 * deserialising and serialising again gives the same bytes; the commitment relies on that (tested), and still always
 * uses the bytes exactly as stored. The bytes embed the SourceAFIS version that produced them: a library upgrade
 * must keep reading old templates (SourceAFIS 3.x does), and commitments stay valid because they cover the stored
 * bytes, not a re-extraction.
 *
 * <p>Immutable and thread-safe.
 */
public final class FingerprintTemplateBytes {
    private static final CBORMapper CBOR = new CBORMapper();

    private final byte[] bytes;
    private final FingerprintTemplate template;
    private final int minutiae;

    private FingerprintTemplateBytes(final byte[] bytes, final FingerprintTemplate template, final int minutiae) {
        this.bytes = bytes;
        this.template = template;
        this.minutiae = minutiae;
    }

    /**
     * Parses a serialised template, e.g. one read back from the vault.
     *
     * @param serialized SourceAFIS template bytes
     * @return the template
     * @throws NullPointerException if {@code serialized} is {@code null}
     * @throws IllegalArgumentException if the bytes are not a SourceAFIS template
     */
    public static FingerprintTemplateBytes fromBytes(final byte[] serialized) {
        final byte[] copy = Objects.requireNonNull(serialized, "serialized").clone();
        final FingerprintTemplate parsed;
        try {
            parsed = new FingerprintTemplate(copy);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a SourceAFIS template", e);
        }
        return new FingerprintTemplateBytes(copy, parsed, countMinutiae(copy));
    }

    /**
     * Imports an ISO/IEC 19794-2 (or ANSI 378) minutia record, as capture devices and the load driver's synthetic
     * galleries produce, through SourceAFIS's own importer.
     *
     * @param record the minutia record
     * @return the template in SourceAFIS's serialisation, as the vault stores it
     * @throws IllegalArgumentException if the bytes are not a minutia record SourceAFIS can read
     */
    public static FingerprintTemplateBytes fromIso(final byte[] record) {
        final FingerprintTemplate imported;
        try {
            imported = com.machinezoo.sourceafis.FingerprintCompatibility.importTemplate(
                    Objects.requireNonNull(record, "record"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an ISO/IEC 19794-2 or ANSI 378 minutia record", e);
        }
        return of(imported);
    }

    /** Wraps a freshly extracted template, keeping its canonical serialisation. */
    static FingerprintTemplateBytes of(final FingerprintTemplate extracted) {
        final byte[] serialized = extracted.toByteArray();
        return new FingerprintTemplateBytes(serialized, extracted, countMinutiae(serialized));
    }

    /*
     * SourceAFIS keeps minutiae private; its persistent CBOR form lists them as parallel arrays positionsX/positionsY/
     * directions plus a types string, so the count is the length of positionsX.
     */
    private static int countMinutiae(final byte[] serialized) {
        try {
            final JsonNode positions = CBOR.readTree(serialized).path("positionsX");
            return positions.isArray() ? positions.size() : 0;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a SourceAFIS template", e);
        }
    }

    /**
     * The serialised template.
     *
     * @return a copy of the bytes
     */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The parsed template for SourceAFIS matching.
     *
     * @return the template (immutable)
     */
    public FingerprintTemplate template() {
        return template;
    }

    /**
     * How many minutiae the template holds.
     *
     * @return the minutia count
     */
    public int minutiae() {
        return minutiae;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof FingerprintTemplateBytes that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Never prints template content: it is biometric data. */
    @Override
    public String toString() {
        return "FingerprintTemplateBytes[" + minutiae + " minutiae, " + bytes.length + " bytes]";
    }
}
