package org.safepassage.system.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Replays a service's own OpenAPI document against the running service: each operation's examples, then inputs made
 * invalid on purpose from its schemas (malformed JSON, the wrong content type, no body, a required field left out,
 * each field of the wrong type, too long, outside its enum or pattern, query parameters that cannot be read) and a
 * call without credentials. Every answer must be a status the operation documents, never a 5xx, with a body that
 * matches the documented schema for that status; a method a path does not take must be answered 405 with an
 * {@code Allow} header naming exactly the documented methods (and HEAD, OPTIONS).
 */
final class DocumentReplay {
    /** How the replay calls as one of the roles an operation's security requirement names. */
    interface Callers {
        /** The client to call with for {@code role} (null: no credentials at all). */
        HttpClient client(String role) throws Exception;

        /** The Authorization header for {@code role}, or null when the client itself authenticates (mutual TLS). */
        String authorization(String role) throws Exception;
    }

    static final String UNKNOWN_ID = "no-such-id-0000";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final int MAX_CASES_PER_OPERATION = 60;

    private final JsonNode document;
    private final String base;
    private final Callers callers;
    private final SchemaCheck schemas;
    private final List<String> findings = new ArrayList<>();
    private int calls;

    DocumentReplay(final JsonNode document, final String base, final Callers callers) {
        this.document = document;
        this.base = base;
        this.callers = callers;
        this.schemas = new SchemaCheck(document);
    }

    /** A call and what it sent, for the findings. */
    private record Case(String name, String path, String contentType, byte[] body, boolean authenticated) {}

    /**
     * Replays every operation of the document.
     *
     * @param skip paths (templates as the document has them) not to call, each with its reason
     * @return the findings, one line each; empty when the service answered as documented
     */
    List<String> run(final Map<String, String> skip) throws Exception {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            final Map.Entry<String, JsonNode> entry = paths.next();
            if (skip.containsKey(entry.getKey())) {
                continue;
            }
            final Set<String> declared = new TreeSet<>();
            for (String method : METHODS) {
                final JsonNode operation = entry.getValue().path(method);
                if (operation.isObject()) {
                    declared.add(method.toUpperCase(Locale.ROOT));
                    replay(entry.getKey(), method.toUpperCase(Locale.ROOT), operation, entry.getValue());
                }
            }
            notAllowed(entry.getKey(), entry.getValue(), declared);
        }
        return List.copyOf(findings);
    }

    /** How many calls the replay made. */
    int calls() {
        return calls;
    }

    private void replay(final String template, final String method, final JsonNode operation, final JsonNode item)
            throws Exception {
        final String role = role(operation);
        final List<JsonNode> parameters = new ArrayList<>();
        item.path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        final String path = path(template, parameters, Map.of());
        final List<Case> cases = new ArrayList<>();
        final JsonNode content = resolve(operation.path("requestBody")).path("content");
        if (content.has("application/json")) {
            bodyCases(path, content.path("application/json"), cases);
        } else if (content.has("application/x-www-form-urlencoded")) {
            final byte[] form = example(content.path("application/x-www-form-urlencoded"))
                    .map(DocumentReplay::form).orElse("MessageSid=SM0&From=%2B40700000000".getBytes(StandardCharsets.UTF_8));
            cases.add(new Case("example form", path, "application/x-www-form-urlencoded", form, true));
            cases.add(new Case("JSON instead of a form", path, "application/json", "{}".getBytes(StandardCharsets.UTF_8),
                    true));
        } else {
            cases.add(new Case("example", path, null, null, true));
        }
        queryCases(template, parameters, cases);
        if (role != null && callers.authorization(role) != null) {
            cases.add(new Case("no credentials", path, cases.get(0).contentType(), cases.get(0).body(), false));
        }
        for (Case call : cases.subList(0, Math.min(cases.size(), MAX_CASES_PER_OPERATION))) {
            send(method, template, operation, role, call);
        }
    }

    private void bodyCases(final String path, final JsonNode media, final List<Case> cases) throws IOException {
        final JsonNode schema = resolve(media.path("schema"));
        final JsonNode example = example(media).orElseGet(() -> synthesize(schema, 0));
        cases.add(new Case("example", path, "application/json", JSON.writeValueAsBytes(example), true));
        cases.add(new Case("malformed JSON", path, "application/json", "{\"".getBytes(StandardCharsets.UTF_8), true));
        cases.add(new Case("text/plain body", path, "text/plain", JSON.writeValueAsBytes(example), true));
        cases.add(new Case("no body", path, "application/json", new byte[0], true));
        cases.add(new Case("an array for the body", path, "application/json", "[]".getBytes(StandardCharsets.UTF_8),
                true));
        if (!example.isObject()) {
            return;
        }
        cases.add(new Case("empty object", path, "application/json", "{}".getBytes(StandardCharsets.UTF_8), true));
        for (JsonNode name : schema.path("required")) {
            final ObjectNode without = example.deepCopy();
            without.remove(name.asText());
            cases.add(new Case("without required " + name.asText(), path, "application/json",
                    JSON.writeValueAsBytes(without), true));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            final Map.Entry<String, JsonNode> property = it.next();
            for (Map.Entry<String, JsonNode> wrong : wrongValues(unwrap(property.getValue())).entrySet()) {
                final ObjectNode changed = example.deepCopy();
                changed.set(property.getKey(), wrong.getValue());
                cases.add(new Case(property.getKey() + " " + wrong.getKey(), path, "application/json",
                        JSON.writeValueAsBytes(changed), true));
            }
        }
    }

    private void queryCases(final String template, final List<JsonNode> parameters, final List<Case> cases) {
        for (JsonNode parameter : parameters) {
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            final JsonNode schema = resolve(parameter.path("schema"));
            for (Map.Entry<String, JsonNode> wrong : wrongValues(schema).entrySet()) {
                if (wrong.getValue().isValueNode() && !wrong.getValue().isNull()) {
                    final String path = path(template, parameters,
                            Map.of(parameter.path("name").asText(), wrong.getValue().asText()));
                    cases.add(new Case("query " + parameter.path("name").asText() + " " + wrong.getKey(), path,
                            cases.get(0).contentType(), cases.get(0).body(), true));
                }
            }
        }
    }

    /** Values a property of this schema must refuse, by what is wrong with them. */
    private Map<String, JsonNode> wrongValues(final JsonNode schema) {
        final Map<String, JsonNode> wrong = new LinkedHashMap<>();
        final String type = type(schema);
        switch (type) {
            case "string" -> wrong.put("of the wrong type (an object)", NODES.objectNode().put("x", 1));
            case "integer", "number" -> wrong.put("of the wrong type (letters)", NODES.textNode("not-a-number"));
            case "boolean" -> wrong.put("of the wrong type (letters)", NODES.textNode("not-a-boolean"));
            case "array" -> wrong.put("of the wrong type (a string)", NODES.textNode("not-an-array"));
            case "object" -> wrong.put("of the wrong type (a number)", NODES.numberNode(7));
            default -> { }
        }
        if (schema.has("maxLength")) {
            wrong.put("too long", NODES.textNode("x".repeat(schema.path("maxLength").asInt() + 1)));
        }
        if (schema.has("enum")) {
            wrong.put("outside its enum", NODES.textNode("NOT_A_VALUE_0"));
        }
        if (schema.has("pattern")) {
            wrong.put("against its pattern", NODES.textNode("\u00a7 bad \u00a7"));
        }
        if (schema.has("maximum")) {
            wrong.put("above its maximum", NODES.numberNode(schema.path("maximum").decimalValue().add(java.math.BigDecimal.ONE)));
        }
        if (schema.has("minimum")) {
            wrong.put("below its minimum",
                    NODES.numberNode(schema.path("minimum").decimalValue().subtract(java.math.BigDecimal.ONE)));
        }
        if ("array".equals(type) && schema.has("maxItems")) {
            final ArrayNode many = NODES.arrayNode();
            for (int i = 0; i <= schema.path("maxItems").asInt(); i++) {
                many.add(synthesize(schema.path("items"), 1));
            }
            wrong.put("with too many items", many);
        }
        return wrong;
    }

    private void send(final String method, final String template, final JsonNode operation, final String role,
            final Case call) throws Exception {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + call.path()))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json, text/html;q=0.5, */*;q=0.1");
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        request.method(method, call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        final String authorization = call.authenticated() && role != null ? callers.authorization(role) : null;
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        final HttpClient client = callers.client(call.authenticated() ? role : null);
        final String what = method + " " + call.path() + " (" + call.name() + ")";
        final HttpResponse<String> response;
        try {
            calls++;
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            findings.add(what + ": no answer: " + e);
            return;
        }
        judge(what, operation, response);
    }

    private void judge(final String what, final JsonNode operation, final HttpResponse<String> response) {
        final int status = response.statusCode();
        final String body = response.body();
        final String code = code(body);
        if (status >= 500) {
            findings.add(what + ": answered " + status + code);
        }
        final JsonNode responses = operation.path("responses");
        JsonNode documented = responses.path(Integer.toString(status));
        if (documented.isMissingNode()) {
            documented = responses.path(status / 100 + "XX");
        }
        if (documented.isMissingNode()) {
            documented = responses.path("default");
        }
        if (documented.isMissingNode()) {
            findings.add(what + ": answered " + status + code + ", which the operation does not document (it has "
                    + fieldNames(responses) + ")");
            return;
        }
        final JsonNode content = resolve(documented).path("content");
        final String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
        if (body.isEmpty()) {
            if (content.has("application/json") && status != 204) {
                findings.add(what + ": answered " + status + " with no body; the document promises JSON");
            }
            return;
        }
        if (!type.equals("application/json")) {
            if (!content.isMissingNode() && !content.has(type) && !content.has("*/*")) {
                findings.add(what + ": answered " + status + " as " + type + "; the document says " + fieldNames(content));
            }
            return;
        }
        final JsonNode media = content.has("application/json") ? content.path("application/json") : content.path("*/*");
        if (media.isMissingNode()) {
            findings.add(what + ": answered " + status + code + " as JSON; the document has no JSON for it");
            return;
        }
        final JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (IOException e) {
            findings.add(what + ": answered " + status + " with a body that is not JSON");
            return;
        }
        for (String violation : schemas.violations(media.path("schema"), value)) {
            findings.add(what + ": answered " + status + code + " with a body against its schema: " + violation);
        }
    }

    private void notAllowed(final String template, final JsonNode item, final Set<String> declared) throws Exception {
        final String method = declared.contains("PATCH") ? "PUT" : "PATCH";
        if (declared.contains(method)) {
            return;
        }
        final List<JsonNode> parameters = new ArrayList<>();
        item.path("parameters").forEach(parameters::add);
        for (String one : declared) {
            item.path(one.toLowerCase(Locale.ROOT)).path("parameters").forEach(parameters::add);
        }
        final String role = declared.stream().map(m -> role(item.path(m.toLowerCase(Locale.ROOT))))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        final String path = path(template, parameters, Map.of());
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("{}"));
        final String authorization = role == null ? null : callers.authorization(role);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        calls++;
        final HttpResponse<String> response = callers.client(role).send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        final String what = method + " " + path + " (a method the path does not take)";
        if (response.statusCode() != 405) {
            findings.add(what + ": answered " + response.statusCode() + code(response.body()) + ", not 405");
            return;
        }
        final Set<String> allowed = new TreeSet<>();
        response.headers().allValues("Allow").forEach(value -> {
            for (String one : value.split(",")) {
                allowed.add(one.trim().toUpperCase(Locale.ROOT));
            }
        });
        allowed.removeAll(Set.of("HEAD", "OPTIONS"));
        // A concrete path may match more than one template (/erasures/verification and /erasures/{subjectId}).
        final Set<String> documented = new TreeSet<>(declared);
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            final Map.Entry<String, JsonNode> other = paths.next();
            if (path.matches(other.getKey().replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\."))) {
                for (String one : METHODS) {
                    if (other.getValue().path(one).isObject()) {
                        documented.add(one.toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        if (!allowed.equals(documented)) {
            findings.add(what + ": Allow names " + allowed + ", the document " + documented);
        }
        final List<String> violations = schemas.violations(document.path("components").path("schemas").path("ApiError"),
                parse(response.body()));
        if (!violations.isEmpty()) {
            findings.add(what + ": the 405 body is not an ApiError: " + violations);
        }
    }

    private String path(final String template, final List<JsonNode> parameters, final Map<String, String> query) {
        String path = template;
        final StringBuilder queryString = new StringBuilder();
        final Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode parameter : parameters) {
            final String name = parameter.path("name").asText();
            final JsonNode example = example(parameter).orElse(null);
            if ("path".equals(parameter.path("in").asText())) {
                path = path.replace("{" + name + "}", encode(example == null ? UNKNOWN_ID : example.asText()));
            } else if ("query".equals(parameter.path("in").asText()) && example != null) {
                values.put(name, example.asText());
            }
        }
        values.putAll(query);
        values.forEach((name, value) -> queryString.append(queryString.length() == 0 ? "?" : "&")
                .append(encode(name)).append('=').append(encode(value)));
        return path + queryString;
    }

    /** The first role the operation's security requirement names, or null for an operation open to anyone. */
    private static String role(final JsonNode operation) {
        for (JsonNode requirement : operation.path("security")) {
            for (JsonNode roles : requirement) {
                if (roles.size() > 0) {
                    return roles.get(0).asText();
                }
            }
        }
        return null;
    }

    /** The example a parameter, media type or schema gives, in the places OpenAPI 3.1 allows. */
    private java.util.Optional<JsonNode> example(final JsonNode node) {
        if (node.has("example")) {
            return java.util.Optional.of(node.path("example"));
        }
        for (JsonNode named : node.path("examples")) {
            if (named.has("value")) {
                return java.util.Optional.of(named.path("value"));
            }
        }
        final JsonNode schema = resolve(node.path("schema"));
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
            return java.util.Optional.of(schema.path("examples").get(0));
        }
        if (schema.has("example")) {
            return java.util.Optional.of(schema.path("example"));
        }
        return java.util.Optional.empty();
    }

    /** A value of the schema from its examples, enums, formats and required properties. */
    /** The schema a reference or a "this or null" names. */
    private JsonNode unwrap(final JsonNode given) {
        final JsonNode schema = resolve(given);
        for (JsonNode alternative : schema.path("anyOf")) {
            if (!"null".equals(alternative.path("type").asText())) {
                return resolve(alternative);
            }
        }
        return schema;
    }

    private JsonNode synthesize(final JsonNode given, final int depth) {
        final JsonNode schema = unwrap(given);
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
            return schema.path("examples").get(0);
        }
        if (schema.has("example")) {
            return schema.path("example");
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        return switch (type(schema)) {
            case "object" -> {
                final ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    for (JsonNode name : schema.path("required")) {
                        object.set(name.asText(), synthesize(schema.path("properties").path(name.asText()), depth + 1));
                    }
                }
                yield object;
            }
            case "array" -> {
                final ArrayNode array = NODES.arrayNode();
                for (int i = 0; i < schema.path("minItems").asInt(0) && depth < 4; i++) {
                    array.add(synthesize(schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer", "number" -> NODES.numberNode(schema.path("minimum").asInt(1));
            case "boolean" -> NODES.booleanNode(true);
            case "string" -> switch (schema.path("format").asText()) {
                case "date-time" -> NODES.textNode("2026-01-01T00:00:00Z");
                case "date" -> NODES.textNode("2026-01-01");
                default -> NODES.textNode("x".repeat(Math.max(1, schema.path("minLength").asInt(1))));
            };
            default -> NODES.nullNode();
        };
    }

    private static String type(final JsonNode schema) {
        final JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (!"null".equals(one.asText())) {
                    return one.asText();
                }
            }
        }
        return type.asText("");
    }

    private JsonNode resolve(final JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 16; hops++) {
            JsonNode target = document;
            for (String part : current.path("$ref").asText().substring(2).split("/")) {
                target = target.path(part);
            }
            current = target;
        }
        return current;
    }

    private static byte[] form(final JsonNode example) {
        if (example.isTextual()) {
            return example.asText().getBytes(StandardCharsets.UTF_8);
        }
        final StringBuilder form = new StringBuilder();
        example.fields().forEachRemaining(field -> form.append(form.length() == 0 ? "" : "&")
                .append(encode(field.getKey())).append('=').append(encode(field.getValue().asText())));
        return form.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode parse(final String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return NODES.textNode(body);
        }
    }

    private static String code(final String body) {
        final JsonNode parsed = parse(body == null ? "" : body);
        return parsed.has("code") ? " " + parsed.path("code").asText() : "";
    }

    private static List<String> fieldNames(final JsonNode node) {
        final List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String encode(final String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
