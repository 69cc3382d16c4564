package org.safepassage.service.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A service's own access token for calling another service: the OAuth 2.0 client credentials grant at the identity
 * provider's token endpoint, as the service's confidential client (its service account). The token is kept and handed
 * out until shortly before it expires (30 seconds, or a third of its life when that is shorter), then a new one is
 * asked for, so a busy service asks the IdP once per token lifetime, not once per call. Thread-safe.
 *
 * <p>The secret is sent in the form body over the token endpoint's connection only; it is never logged, and no
 * message of this class contains it.
 */
public final class ClientCredentials {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final URI tokenEndpoint;
    private final String clientId;
    private final String secret;
    private final HttpClient http;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    private ClientCredentials(final URI tokenEndpoint, final String clientId, final String secret,
            final HttpClient http, final Clock clock) {
        this.tokenEndpoint = Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Tokens for one client at one token endpoint.
     *
     * @param tokenEndpoint the IdP's token endpoint (Keycloak: {@code <issuer>/protocol/openid-connect/token})
     * @param clientId the service's client
     * @param secret the client's secret
     * @param http the HTTP client to ask with
     * @param clock when a token is due for renewal
     * @return the token source; it asks for nothing until the first {@link #authorization()}
     * @throws NullPointerException if any argument is null
     */
    public static ClientCredentials at(final URI tokenEndpoint, final String clientId, final String secret,
            final HttpClient http, final Clock clock) {
        return new ClientCredentials(tokenEndpoint, clientId, secret, http, clock);
    }

    /**
     * The {@code Authorization} header value for a call to another service: {@code Bearer <access token>}.
     *
     * @return the header value, from a token valid for a while yet
     * @throws IllegalStateException when the IdP cannot be reached or refuses the client (the message names the
     *     status and the IdP's error code, never the secret)
     */
    public synchronized String authorization() {
        final Instant now = clock.instant();
        if (token == null || !now.isBefore(renewAt)) {
            renew(now);
        }
        return "Bearer " + token;
    }

    private void renew(final Instant now) {
        final String form = "grant_type=client_credentials&client_id=" + encode(clientId)
                + "&client_secret=" + encode(secret);
        final HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("the identity provider's token endpoint is unreachable: " + tokenEndpoint,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the identity provider for a token", e);
        }
        final JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the identity provider answered HTTP " + response.statusCode()
                    + " and no JSON for client " + clientId);
        }
        final String accessToken = body.path("access_token").asText("");
        if (response.statusCode() != 200 || accessToken.isEmpty()) {
            throw new IllegalStateException("the identity provider refused a token for client " + clientId + ": HTTP "
                    + response.statusCode() + " " + body.path("error").asText("no error code"));
        }
        final Duration lifetime = Duration.ofSeconds(Math.max(0, body.path("expires_in").asLong(0)));
        final Duration margin = lifetime.dividedBy(3).compareTo(MARGIN) < 0 ? lifetime.dividedBy(3) : MARGIN;
        token = accessToken;
        renewAt = now.plus(lifetime).minus(margin);
    }

    private static String encode(final String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
