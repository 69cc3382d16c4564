package org.safepassage.service.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service's credentials for calling another SafePassage service: a bearer token by the client credentials grant
 * ({@link ClientCredentials}), as the service's own confidential client at the identity provider. Configured by
 * {@code safepassage.service-token.client-id}, {@code .secret} (from the environment only:
 * {@code SAFEPASSAGE_SERVICE_TOKEN_SECRET}) and either {@code .issuer} (the token endpoint is found by OpenID Connect
 * discovery) or {@code .token-url}. A service that calls no other leaves them unset; asking it for a token then fails.
 */
@ApplicationScoped
public class ServiceTokens {
    private final Optional<String> issuer;
    private final Optional<URI> tokenUrl;
    private final Optional<String> clientId;
    private final Optional<String> secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ClientCredentials credentials;

    ServiceTokens(@ConfigProperty(name = "safepassage.service-token.issuer") final Optional<String> issuer,
            @ConfigProperty(name = "safepassage.service-token.token-url") final Optional<URI> tokenUrl,
            @ConfigProperty(name = "safepassage.service-token.client-id") final Optional<String> clientId,
            @ConfigProperty(name = "safepassage.service-token.secret") final Optional<String> secret) {
        this.issuer = issuer;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.secret = secret;
    }

    /**
     * The {@code Authorization} header for a call to another service.
     *
     * @return {@code Bearer <access token>}, renewed shortly before it expires
     * @throws IllegalStateException when no client is configured, or the identity provider cannot give a token
     */
    public String authorization() {
        return credentials().authorization();
    }

    /**
     * {@link #authorization()} of the application's instance, for a REST client's {@code @ClientHeaderParam(name =
     * "Authorization", value = "{org.safepassage.service.token.ServiceTokens.bearer}")}.
     *
     * @return {@code Bearer <access token>}
     * @throws ProcessingException when no token can be had, as the REST client reports an unreachable service: the
     *     call cannot be made
     */
    public static String bearer() {
        try {
            return CDI.current().select(ServiceTokens.class).get().authorization();
        } catch (IllegalStateException e) {
            throw new ProcessingException(e.getMessage(), e);
        }
    }

    private synchronized ClientCredentials credentials() {
        if (credentials == null) {
            if (clientId.isEmpty() || secret.isEmpty() || (issuer.isEmpty() && tokenUrl.isEmpty())) {
                throw new IllegalStateException("no service credentials configured: safepassage.service-token."
                        + "client-id, SAFEPASSAGE_SERVICE_TOKEN_SECRET and an issuer or token-url are needed");
            }
            credentials = ClientCredentials.at(tokenUrl.orElseGet(() -> discover(issuer.get())), clientId.get(),
                    secret.get(), http, Clock.systemUTC());
        }
        return credentials;
    }

    // OpenID Connect discovery: the issuer's metadata names its token endpoint.
    private URI discover(final String issuerUrl) {
        final String base = issuerUrl.endsWith("/") ? issuerUrl.substring(0, issuerUrl.length() - 1) : issuerUrl;
        try {
            final HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(base + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            final String endpoint = response.statusCode() == 200
                    ? new ObjectMapper().readTree(response.body()).path("token_endpoint").asText("")
                    : "";
            if (endpoint.isEmpty()) {
                throw new IllegalStateException("the identity provider at " + base + " names no token endpoint (HTTP "
                        + response.statusCode() + ")");
            }
            return URI.create(endpoint);
        } catch (IOException e) {
            throw new IllegalStateException("the identity provider at " + base + " is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the identity provider", e);
        }
    }
}
