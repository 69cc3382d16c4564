package org.safepassage.twilio.standin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Twilio's Messages resource: create, fetch, delete, list; Twilio's JSON, errors and HTTP Basic auth. */
final class RestApi implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(RestApi.class.getName());
    private static final Pattern LIST = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");
    private static final Pattern ONE = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages/([^/]+)\\.json");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
    private static final int MAX_BODY_CHARS = 1600;

    private final TwilioStandIn standIn;

    RestApi(final TwilioStandIn standIn) {
        this.standIn = standIn;
    }

    @Override
    public void handle(final HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "request failed", e);
            error(exchange, 500, 20500, "Internal Server Error");
        }
    }

    private void route(final HttpExchange exchange) throws IOException {
        final String path = exchange.getRequestURI().getPath();
        final String method = exchange.getRequestMethod();
        final Matcher list = LIST.matcher(path);
        final Matcher one = ONE.matcher(path);
        final String account = list.matches() ? list.group(1) : one.matches() ? one.group(1) : null;
        if (!authenticated(exchange)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Twilio API\"");
            error(exchange, 401, 20003, "Authenticate");
            return;
        }
        if (account == null || !account.equals(standIn.accountSid())) {
            notFound(exchange, path);
            return;
        }
        if (list.matches()) {
            switch (method) {
                case "POST" -> create(exchange);
                case "GET" -> list(exchange);
                default -> error(exchange, 405, 20004, "Method not allowed");
            }
            return;
        }
        final SmsMessage message = standIn.message(one.group(2)).orElse(null);
        if (message == null) {
            notFound(exchange, path);
            return;
        }
        switch (method) {
            case "GET", "POST" -> Http.json(exchange, 200, resource(message));
            case "DELETE" -> {
                standIn.delete(message.sid());
                Http.empty(exchange, 204);
            }
            default -> error(exchange, 405, 20004, "Method not allowed");
        }
    }

    private void create(final HttpExchange exchange) throws IOException {
        final Map<String, String> form = Forms.parse(Http.body(exchange));
        if (standIn.failBeforeAccepting(form.get("To"))) {
            error(exchange, 500, 20500, "Internal Server Error");
            return;
        }
        final String to = form.get("To");
        final String from = form.get("From");
        final String service = form.get("MessagingServiceSid");
        final String body = form.get("Body");
        final String callback = form.get("StatusCallback");
        if (blank(to)) {
            error(exchange, 400, 21604, "A 'To' phone number is required.");
        } else if (blank(from) && blank(service)) {
            error(exchange, 400, 21603, "A 'From' phone number is required.");
        } else if (blank(body)) {
            error(exchange, 400, 21602, "Message body is required.");
        } else if (!E164.matcher(to).matches()) {
            error(exchange, 400, 21211, "Invalid 'To' Phone Number: " + to);
        } else if (!blank(from) && !E164.matcher(from).matches() && !from.matches("[A-Za-z0-9 ]{1,11}")) {
            error(exchange, 400, 21212, "Invalid 'From' Phone Number: " + from);
        } else if (body.length() > MAX_BODY_CHARS) {
            error(exchange, 400, 21617, "The concatenated message body exceeds the 1600 character limit.");
        } else if (!blank(callback) && !isHttpUrl(callback)) {
            error(exchange, 400, 21609, "Invalid StatusCallback url: " + callback);
        } else if (standIn.isOptedOut(to)) {
            error(exchange, 400, 21610, "Attempt to send to unsubscribed recipient");
        } else {
            final Integer validity = validityPeriod(form.get("ValidityPeriod"));
            if (validity != null && validity < 0) {
                error(exchange, 400, 21624, "Invalid validity period value (1 to 36000 seconds)");
                return;
            }
            final SmsMessage queued = standIn.accept(from, to, service, body, callback, validity);
            if (standIn.failAfterAccepting()) {
                error(exchange, 500, 20500, "Internal Server Error");
                return;
            }
            Http.json(exchange, 201, resource(queued));
        }
    }

    private void list(final HttpExchange exchange) throws IOException {
        final String to = Http.query(exchange, "To");
        final String from = Http.query(exchange, "From");
        final List<SmsMessage> found = standIn.messages().stream()
                .filter(m -> to == null || m.to().equals(to))
                .filter(m -> from == null || m.from().equals(from))
                .sorted(Comparator.comparing(SmsMessage::dateCreated).reversed())
                .toList();
        final String uri = exchange.getRequestURI().getPath();
        final ObjectNode page = Http.JSON.createObjectNode();
        final ArrayNode records = page.putArray("messages");
        found.forEach(m -> records.add(resource(m)));
        page.put("end", Math.max(0, found.size() - 1));
        page.put("first_page_uri", uri + "?PageSize=" + Math.max(50, found.size()) + "&Page=0");
        page.putNull("next_page_uri");
        page.put("page", 0);
        page.put("page_size", Math.max(50, found.size()));
        page.putNull("previous_page_uri");
        page.put("start", 0);
        page.put("uri", uri);
        Http.json(exchange, 200, page);
    }

    private ObjectNode resource(final SmsMessage m) {
        final String uri = "/2010-04-01/Accounts/" + m.accountSid() + "/Messages/" + m.sid();
        final ObjectNode json = Http.JSON.createObjectNode();
        json.put("account_sid", m.accountSid());
        json.put("api_version", TwilioStandIn.API_VERSION);
        json.put("body", m.body());
        json.put("date_created", date(m.dateCreated()));
        json.put("date_sent", date(m.dateSent()));
        json.put("date_updated", date(m.dateUpdated()));
        json.put("direction", m.direction());
        if (m.errorCode() == null) {
            json.putNull("error_code");
        } else {
            json.put("error_code", m.errorCode());
        }
        json.put("error_message", m.errorMessage());
        json.put("from", m.from().isEmpty() ? null : m.from());
        json.put("messaging_service_sid", m.messagingServiceSid().isEmpty() ? null : m.messagingServiceSid());
        json.put("num_media", "0");
        json.put("num_segments", Integer.toString(segments(m.body())));
        json.putNull("price");
        json.put("price_unit", "USD");
        json.put("sid", m.sid());
        json.put("status", m.status());
        final ObjectNode subresources = json.putObject("subresource_uris");
        subresources.put("media", uri + "/Media.json");
        subresources.put("feedback", uri + "/Feedback.json");
        json.put("to", m.to());
        json.put("uri", uri + ".json");
        return json;
    }

    /** GSM-7 texts take 160 characters a segment (153 when split), others 70 (67). */
    static int segments(final String body) {
        final boolean gsm = body.chars().allMatch(c -> c < 128);
        final int single = gsm ? 160 : 70;
        final int part = gsm ? 153 : 67;
        return body.length() <= single ? 1 : (body.length() + part - 1) / part;
    }

    private boolean authenticated(final HttpExchange exchange) {
        final String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        final String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        final int colon = decoded.indexOf(':');
        return colon > 0 && standIn.authenticates(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private static void notFound(final HttpExchange exchange, final String path) throws IOException {
        error(exchange, 404, 20404, "The requested resource " + path + " was not found");
    }

    private static void error(final HttpExchange exchange, final int status, final int code, final String message)
            throws IOException {
        final ObjectNode json = Http.JSON.createObjectNode();
        json.put("code", code);
        json.put("message", message);
        json.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        json.put("status", status);
        Http.json(exchange, status, json);
    }

    /** The ValidityPeriod, {@code null} if absent, negative if not an integer in 1..36000. */
    private static Integer validityPeriod(final String value) {
        if (blank(value)) {
            return null;
        }
        try {
            final int seconds = Integer.parseInt(value.trim());
            return seconds >= 1 && seconds <= 36000 ? seconds : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isHttpUrl(final String value) {
        try {
            final URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String date(final Instant instant) {
        return instant == null ? null : RFC_2822.format(instant);
    }

    private static boolean blank(final String value) {
        return value == null || value.isBlank();
    }
}
