package org.safepassage.chaincode.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The one JSON form of every record: keys sorted, nulls omitted, times as ISO-8601 strings, UTF-8.
 *
 * <p>Parsing is strict because the chaincode's input is untrusted: unknown fields, duplicate keys, trailing data,
 * scalar coercions ("2" for 2) and values refused by a record's own checks all fail with {@link InvalidRecordException}.
 * Thread-safe.
 */
public final class CanonicalJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private CanonicalJson() {}

    /** The canonical UTF-8 bytes of a record. */
    public static byte[] toBytes(final Object value) {
        return toJson(value).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical JSON text of a record. */
    public static String toJson(final Object value) {
        Objects.requireNonNull(value, "value");
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Every record here is serialisable; failing to write one is a programming error.
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses and validates a record.
     *
     * @throws InvalidRecordException if the text is not valid JSON for the type or breaks one of its rules
     */
    public static <T> T parse(final String json, final Class<T> type) {
        Objects.requireNonNull(type, "type");
        return read(json, MAPPER.constructType(type), type.getSimpleName());
    }

    /**
     * Parses and validates a JSON array of records, as returned by the chaincode's list queries.
     *
     * @throws InvalidRecordException if the text is not a valid JSON array of the type
     */
    public static <T> List<T> parseList(final String json, final Class<T> type) {
        Objects.requireNonNull(type, "type");
        final List<T> list = read(json, MAPPER.getTypeFactory().constructCollectionType(List.class, type),
                type.getSimpleName() + " list");
        return List.copyOf(list);
    }

    /** Parses canonical UTF-8 bytes, as read from the ledger or an event. */
    public static <T> T parse(final byte[] json, final Class<T> type) {
        Objects.requireNonNull(json, "json");
        return parse(new String(json, StandardCharsets.UTF_8), type);
    }

    private static <T> T read(final String json, final JavaType type, final String what) {
        if (json == null || json.isBlank()) {
            throw new InvalidRecordException(what + ": empty input");
        }
        try {
            final T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new InvalidRecordException(what + ": null input");
            }
            return value;
        } catch (ValueInstantiationException e) {
            // A record's compact constructor refused a value: its message names the field and the rule.
            final Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new InvalidRecordException(what + ": " + cause.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException(what + ": " + e.getOriginalMessage(), e);
        }
    }
}
