package org.safepassage.guardian.crossing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.safepassage.service.token.ServiceTokens;

/**
 * Asks the enrollment service how to reach a guardian: {@code GET /internal/v1/guardians/{guardianRef}} with a bearer
 * token of guardian-notify's own client at the identity provider (its service account has the {@code notifier} role),
 * answering the verified phone number and language. The number is used to send and
 * then forgotten; only its keyed hash is stored.
 */
@ApplicationScoped
class GuardianDirectory {
    /** How to reach one guardian. */
    record Contact(String guardianRef, String phoneNumber, String language) {}

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json;
    private final String baseUrl;
    private final ServiceTokens tokens;

    GuardianDirectory(final CrossingConfig config, final ObjectMapper json, final ServiceTokens tokens) {
        this.json = json;
        this.tokens = tokens;
        final String url = config.enrollmentUrl();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * The guardian's verified contact, to text them about a crossing request. The request id goes with the look-up:
     * enrollment records every read of a guardian's number in its access audit, with what it was for.
     *
     * @return the contact, or empty when enrollment knows no guardian with a verified phone by this reference
     * @throws IllegalStateException when enrollment cannot be asked or answers anything else
     */
    Optional<Contact> find(final String guardianRef, final String requestId) {
        final HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/internal/v1/guardians/"
                        + URLEncoder.encode(guardianRef, StandardCharsets.UTF_8) + "?requestId="
                        + URLEncoder.encode(requestId, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", tokens.authorization())
                .header("Accept", "application/json")
                .GET()
                .build();
        final HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("enrollment is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking enrollment", e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("enrollment answered HTTP " + response.statusCode() + " for a guardian");
        }
        try {
            final JsonNode body = json.readTree(response.body());
            final String phone = body.path("phoneNumber").asText(null);
            if (phone == null || !phone.matches("\\+[0-9]{8,15}")) {
                throw new IllegalStateException("enrollment answered a guardian without a valid phone number");
            }
            return Optional.of(new Contact(guardianRef, phone, body.path("language").asText("en")));
        } catch (IOException e) {
            throw new IllegalStateException("enrollment answered something that is not JSON", e);
        }
    }
}
