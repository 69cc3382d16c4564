package org.safepassage.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens for the demo people of the embedded default's realm, by the password grant of its
 * {@code safepassage-cli} client: what the demo seed and the system tests log in with when they call an API. A
 * screen logs in through the IdP's login page instead. Tokens are kept until shortly before they expire.
 */
public final class DemoLogin {
    /** The public client of the embedded realm that allows the password grant (scripts and tests only). */
    public static final String CLIENT = "safepassage-cli";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI tokenEndpoint;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant renewAfter) {}

    private DemoLogin(final URI tokenEndpoint) {
        this.tokenEndpoint = tokenEndpoint;
    }

    /** Logins at the realm whose issuer URL is {@code issuer}, such as {@code http://127.0.0.1:8180/realms/safepassage}. */
    public static DemoLogin at(final String issuer) {
        Objects.requireNonNull(issuer, "issuer");
        return new DemoLogin(URI.create(issuer.replaceAll("/+$", "") + "/protocol/openid-connect/token"));
    }

    /** {@code Bearer <access token>} for {@code user}, a fresh token when the kept one is about to expire. */
    public String authorization(final String user, final String password) throws IOException, InterruptedException {
        final Token kept = tokens.get(user);
        if (kept != null && Instant.now().isBefore(kept.renewAfter())) {
            return "Bearer " + kept.value();
        }
        final JsonNode answer = grant(user, password);
        final Token token = new Token(answer.path("access_token").asText(),
                Instant.now().plusSeconds(Math.max(5, answer.path("expires_in").asLong(60) - 30)));
        tokens.put(user, token);
        return "Bearer " + token.value();
    }

    /** The token endpoint's whole answer to a password grant for {@code user}; fails unless it issued a token. */
    public JsonNode grant(final String user, final String password) throws IOException, InterruptedException {
        final String form = "grant_type=password&client_id=" + CLIENT + "&scope=openid"
                + "&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        final HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the IdP refused a token for " + user + ": " + response.statusCode() + " "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }
}
