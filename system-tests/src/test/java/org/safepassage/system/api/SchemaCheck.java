package org.safepassage.system.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a JSON value against a schema of an OpenAPI 3.1 document, for the subset of JSON Schema the services'
 * documents use: {@code $ref} into the document, {@code allOf}/{@code anyOf}/{@code oneOf}, {@code type} (one or a
 * list, {@code null} among them), {@code enum}, {@code const}, object {@code properties}, {@code required} and
 * {@code additionalProperties}, array {@code items}, {@code minItems}, {@code maxItems}, string {@code minLength},
 * {@code maxLength}, {@code pattern} and the {@code date}/{@code date-time} formats, number {@code minimum} and
 * {@code maximum}. A keyword outside the subset is ignored, never taken as a pass for something else.
 */
final class SchemaCheck {
    private final JsonNode document;

    SchemaCheck(final JsonNode document) {
        this.document = document;
    }

    /**
     * The ways {@code value} breaks {@code schema}, each naming where.
     *
     * @return the violations; empty when it matches
     */
    List<String> violations(final JsonNode schema, final JsonNode value) {
        final List<String> found = new ArrayList<>();
        check(schema, value, "$", found, 0);
        return found;
    }

    private void check(final JsonNode given, final JsonNode value, final String at, final List<String> found,
            final int depth) {
        if (given == null || given.isMissingNode() || given.isBoolean() && given.asBoolean()) {
            return;
        }
        if (depth > 64) {
            found.add(at + ": schema nests too deep");
            return;
        }
        final JsonNode schema = resolve(given);
        for (JsonNode part : schema.path("allOf")) {
            check(part, value, at, found, depth + 1);
        }
        anyOf(schema.path("anyOf"), value, at, found, depth);
        anyOf(schema.path("oneOf"), value, at, found, depth);
        if (!typeMatches(schema, value)) {
            found.add(at + ": " + kind(value) + " where the schema says " + schema.path("type"));
            return;
        }
        if (schema.has("enum") && !contains(schema.path("enum"), value)) {
            found.add(at + ": " + abbreviate(value) + " is not one of " + schema.path("enum"));
        }
        if (schema.has("const") && !schema.path("const").equals(value)) {
            found.add(at + ": is not " + schema.path("const"));
        }
        if (value.isObject()) {
            object(schema, value, at, found, depth);
        } else if (value.isArray()) {
            final int size = value.size();
            if (schema.has("minItems") && size < schema.path("minItems").asInt()) {
                found.add(at + ": fewer than " + schema.path("minItems") + " items");
            }
            if (schema.has("maxItems") && size > schema.path("maxItems").asInt()) {
                found.add(at + ": more than " + schema.path("maxItems") + " items");
            }
            for (int i = 0; i < size; i++) {
                check(schema.path("items"), value.get(i), at + "[" + i + "]", found, depth + 1);
            }
        } else if (value.isTextual()) {
            text(schema, value.asText(), at, found);
        } else if (value.isNumber()) {
            if (schema.has("minimum") && value.decimalValue().compareTo(schema.path("minimum").decimalValue()) < 0) {
                found.add(at + ": below " + schema.path("minimum"));
            }
            if (schema.has("maximum") && value.decimalValue().compareTo(schema.path("maximum").decimalValue()) > 0) {
                found.add(at + ": above " + schema.path("maximum"));
            }
        }
    }

    private void object(final JsonNode schema, final JsonNode value, final String at, final List<String> found,
            final int depth) {
        for (JsonNode name : schema.path("required")) {
            if (!value.has(name.asText())) {
                found.add(at + "." + name.asText() + ": required, absent");
            }
        }
        final JsonNode properties = schema.path("properties");
        final JsonNode additional = schema.path("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            final Map.Entry<String, JsonNode> field = it.next();
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), at + "." + field.getKey(), found, depth + 1);
            } else if (additional.isBoolean() && !additional.asBoolean()) {
                found.add(at + "." + field.getKey() + ": not a property the schema has");
            } else if (additional.isObject()) {
                check(additional, field.getValue(), at + "." + field.getKey(), found, depth + 1);
            }
        }
    }

    private static void text(final JsonNode schema, final String text, final String at, final List<String> found) {
        final int length = text.codePointCount(0, text.length());
        if (schema.has("minLength") && length < schema.path("minLength").asInt()) {
            found.add(at + ": shorter than " + schema.path("minLength"));
        }
        if (schema.has("maxLength") && length > schema.path("maxLength").asInt()) {
            found.add(at + ": longer than " + schema.path("maxLength"));
        }
        if (schema.has("pattern") && !Pattern.compile(schema.path("pattern").asText()).matcher(text).find()) {
            found.add(at + ": does not match " + schema.path("pattern").asText());
        }
        try {
            switch (schema.path("format").asText()) {
                case "date-time" -> Instant.parse(text);
                case "date" -> LocalDate.parse(text);
                default -> { }
            }
        } catch (DateTimeParseException e) {
            found.add(at + ": not a " + schema.path("format").asText());
        }
    }

    private void anyOf(final JsonNode alternatives, final JsonNode value, final String at, final List<String> found,
            final int depth) {
        if (!alternatives.isArray() || alternatives.isEmpty()) {
            return;
        }
        final List<String> why = new ArrayList<>();
        for (JsonNode alternative : alternatives) {
            final List<String> these = new ArrayList<>();
            check(alternative, value, at, these, depth + 1);
            if (these.isEmpty()) {
                return;
            }
            why.addAll(these);
        }
        found.add(at + ": matches none of the alternatives " + why);
    }

    private JsonNode resolve(final JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current.has("$ref") && hops < 16; hops++) {
            final String ref = current.path("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only references into the document are followed: " + ref);
            }
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            if (target.isMissingNode()) {
                throw new IllegalArgumentException("the document has no " + ref);
            }
            current = target;
        }
        return current;
    }

    private static boolean typeMatches(final JsonNode schema, final JsonNode value) {
        final JsonNode type = schema.path("type");
        if (type.isMissingNode()) {
            return !value.isNull() || schema.path("nullable").asBoolean(true);
        }
        if (value.isNull() && schema.path("nullable").asBoolean(false)) {
            return true;
        }
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (isOfType(one.asText(), value)) {
                    return true;
                }
            }
            return false;
        }
        return isOfType(type.asText(), value);
    }

    static boolean isOfType(final String type, final JsonNode value) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber()
                    || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
            case "number" -> value.isNumber();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private static boolean contains(final JsonNode values, final JsonNode value) {
        for (JsonNode one : values) {
            if (one.equals(value)) {
                return true;
            }
        }
        return false;
    }

    static String kind(final JsonNode value) {
        return value.isNull() ? "null" : value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String abbreviate(final JsonNode value) {
        final String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
