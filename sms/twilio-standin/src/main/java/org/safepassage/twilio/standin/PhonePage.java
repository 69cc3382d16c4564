package org.safepassage.twilio.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The phone inbox: {@code GET /phone} (a page), {@code GET /phone/api/numbers}, {@code GET /phone/api/messages?number=}
 * and {@code POST /phone/api/reply} {@code {from, to, body}}.
 */
final class PhonePage implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(PhonePage.class.getName());

    private final TwilioStandIn standIn;
    private final byte[] page;

    PhonePage(final TwilioStandIn standIn) throws IOException {
        this.standIn = standIn;
        try (InputStream in = PhonePage.class.getResourceAsStream("phone.html")) {
            if (in == null) {
                throw new IOException("phone.html missing from the classpath");
            }
            this.page = in.readAllBytes();
        }
    }

    @Override
    public void handle(final HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "phone request failed", e);
            problem(exchange, 500, "INTERNAL_ERROR", "the stand-in failed: " + e.getMessage());
        }
    }

    private void route(final HttpExchange exchange) throws IOException {
        final String path = exchange.getRequestURI().getPath();
        final String method = exchange.getRequestMethod();
        if (("/phone".equals(path) || "/phone/".equals(path)) && "GET".equals(method)) {
            Http.send(exchange, 200, "text/html; charset=utf-8", page);
        } else if ("/phone/api/numbers".equals(path) && "GET".equals(method)) {
            numbers(exchange);
        } else if ("/phone/api/messages".equals(path) && "GET".equals(method)) {
            final String number = Http.query(exchange, "number");
            if (number == null || number.isBlank()) {
                problem(exchange, 400, "NUMBER_REQUIRED", "give ?number=+E164");
                return;
            }
            final ArrayNode list = Http.JSON.createArrayNode();
            standIn.conversation(number.trim()).forEach(m -> list.add(view(m)));
            Http.json(exchange, 200, list);
        } else if ("/phone/api/reply".equals(path) && "POST".equals(method)) {
            reply(exchange);
        } else {
            problem(exchange, 404, "NOT_FOUND", "no such page: " + method + " " + path);
        }
    }

    private void numbers(final HttpExchange exchange) throws IOException {
        final Map<String, Integer> counts = new LinkedHashMap<>();
        // how many texts each handset received, so the inbox can list only phones that were texted
        final Map<String, Integer> received = new LinkedHashMap<>();
        for (final SmsMessage m : standIn.messages()) {
            final boolean toHandset = SmsMessage.OUTBOUND.equals(m.direction());
            final String handset = toHandset ? m.to() : m.from();
            counts.merge(handset, 1, Integer::sum);
            received.merge(handset, toHandset ? 1 : 0, Integer::sum);
        }
        final ArrayNode list = Http.JSON.createArrayNode();
        counts.forEach((number, count) -> list.addObject().put("number", number).put("messages", count)
                .put("received", received.get(number)));
        Http.json(exchange, 200, list);
    }

    private void reply(final HttpExchange exchange) throws IOException {
        final JsonNode json;
        try {
            json = Http.JSON.readTree(Http.body(exchange));
        } catch (JsonProcessingException e) {
            problem(exchange, 400, "MALFORMED_JSON", "the body must be JSON {from, to, body}");
            return;
        }
        final String from = text(json, "from");
        final String to = text(json, "to");
        final String body = text(json, "body");
        if (from == null || to == null || body == null) {
            problem(exchange, 400, "FIELDS_REQUIRED", "from, to and body are required");
            return;
        }
        if (standIn.inboundWebhook().isEmpty()) {
            problem(exchange, 409, "NO_INBOUND_WEBHOOK", "the stand-in has no inbound webhook configured");
            return;
        }
        final WebhookCall call = standIn.reply(from, to, body);
        final ObjectNode answer = Http.JSON.createObjectNode();
        answer.put("messageSid", call.messageSid());
        answer.put("webhook", call.url());
        answer.put("webhookStatus", call.responseStatus());
        Http.json(exchange, call.responseStatus() < 0 ? 502 : 200, answer);
    }

    private static ObjectNode view(final SmsMessage m) {
        final ObjectNode json = Http.JSON.createObjectNode();
        json.put("sid", m.sid());
        json.put("direction", m.direction());
        json.put("from", m.from());
        json.put("to", m.to());
        json.put("body", m.body());
        json.put("status", m.status());
        if (m.errorCode() != null) {
            json.put("errorCode", m.errorCode());
        }
        json.put("dateCreated", m.dateCreated().toString());
        return json;
    }

    private static String text(final JsonNode json, final String field) {
        final JsonNode node = json == null ? null : json.get(field);
        return node == null || !node.isTextual() || node.asText().isBlank() ? null : node.asText().trim();
    }

    private static void problem(final HttpExchange exchange, final int status, final String code, final String message)
            throws IOException {
        final ObjectNode json = Http.JSON.createObjectNode();
        json.put("code", code);
        json.put("message", message);
        Http.json(exchange, status, json);
    }
}
