package org.safepassage.enrollment.biometrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.machinezoo.sourceafis.FingerprintTemplate;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A fingerprint template: the serialised SourceAFIS template bytes (what the vault encrypts and the commitment is
 * derived from) together with the parsed template used for matching, or the bytes alone ({@link #serialized}), parsed
 * again on every {@link #template()} call: a parsed template is about 12.5 KiB (its neighbour-edge table), the bytes
 * about 1 KiB, so a gallery of a million that only scores short lists keeps them serialised.
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
     * Wraps serialised template bytes without parsing them for matching: {@link #template()} parses them on every
     * call (about 0.2 ms). For a gallery that scores only an index's short lists. The bytes are checked to be a CBOR
     * template with minutiae arrays, not parsed by SourceAFIS: pass only bytes that were a template when stored (the
     * vault authenticates what it decrypts).
     *
     * @param serialized SourceAFIS template bytes; copied
     * @return the template, unparsed
     * @throws NullPointerException if {@code serialized} is {@code null}
     * @throws IllegalArgumentException if the bytes are not CBOR
     */
    public static FingerprintTemplateBytes serialized(final byte[] serialized) {
        final byte[] copy = Objects.requireNonNull(serialized, "serialized").clone();
        return new FingerprintTemplateBytes(copy, null, countMinutiae(copy));
    }

    /**
     * This template without its parsed form, sharing the bytes.
     *
     * @return an unparsed template equal to this one
     */
    public FingerprintTemplateBytes unparsed() {
        return template == null ? this : new FingerprintTemplateBytes(bytes, null, minutiae);
    }

    /**
     * Whether the parsed template is held, or parsed again on each {@link #template()} call.
     *
     * @return {@code true} if held
     */
    public boolean isParsed() {
        return template != null;
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
     * The parsed template for SourceAFIS matching; for an {@linkplain #serialized unparsed} one, parsed now (about
     * 0.2 ms) and not kept.
     *
     * @return the template (immutable)
     * @throws IllegalArgumentException if unparsed bytes turn out not to be a SourceAFIS template
     */
    public FingerprintTemplate template() {
        if (template != null) {
            return template;
        }
        try {
            return new FingerprintTemplate(bytes);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a SourceAFIS template", e);
        }
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
