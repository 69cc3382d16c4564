package org.safepassage.gateway.identify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.safepassage.service.api.ApiException;

/**
 * Identifies a scanned person through enrollment. Enrollment's 4xx reasons (a rejected fingerprint, an unknown card
 * reference) reach the terminal with their code; an unreachable or failing enrollment is a 503.
 */
@ApplicationScoped
public class Identifier {
    private static final Logger LOG = Logger.getLogger(Identifier.class);

    private final EnrollmentClient enrollment;
    private final ObjectMapper json;

    Identifier(@RestClient final EnrollmentClient enrollment, final ObjectMapper json) {
        this.enrollment = enrollment;
        this.json = json;
    }

    /**
     * Identifies (1:N) or verifies (1:1) a person.
     *
     * @param images base64 fingerprint images
     * @param subjectId the card's subject for 1:1, or null
     * @return enrollment's answer
     * @throws ApiException with enrollment's status and code for its 4xx, or 503 if it cannot answer
     */
    public Identification identify(final List<String> images, final String subjectId) {
        return identify(images, List.of(), subjectId);
    }

    /**
     * Identifies (1:N) or verifies (1:1) a person by fingerprints, irises or both.
     *
     * @param images base64 fingerprint images, possibly none
     * @param irisImages base64 near-infrared eye images, possibly none
     * @param subjectId the card's subject for 1:1, or null
     * @return enrollment's answer
     * @throws ApiException with enrollment's status and code for its 4xx, or 503 if it cannot answer
     */
    public Identification identify(final List<String> images, final List<String> irisImages, final String subjectId) {
        // The REST client throws for 4xx/5xx even with a Response return type: treat both paths alike.
        try (Response response = call(images, irisImages, subjectId)) {
            final String body = response.hasEntity() ? response.readEntity(String.class) : "";
            final int status = response.getStatus();
            if (status == 200) {
                return json.readValue(body, Identification.class);
            }
            if (status >= 400 && status < 500 && status != 401 && status != 403) {
                throw relayed(status, body);
            }
            if (status == 503 && (body.contains("\"GALLERY_NOT_READY\"") || body.contains("\"IDENTIFY_BUSY\""))) {
                // Loading, or busy with other scans: the guard must learn why, and that a NO_MATCH was never decided.
                throw relayed(status, body);
            }
            LOG.warnf("enrollment answered identify with %d", status);
            throw unavailable();
        } catch (ProcessingException | java.io.IOException e) {
            LOG.warnf("enrollment unreachable: %s", e.getMessage());
            throw unavailable();
        }
    }

    private Response call(final List<String> images, final List<String> irisImages, final String subjectId) {
        try {
            return enrollment.identify(new IdentifyCall(images, subjectId, irisImages.isEmpty() ? null : irisImages));
        } catch (WebApplicationException e) {
            return e.getResponse();
        }
    }

    private ApiException relayed(final int status, final String body) {
        try {
            final JsonNode error = json.readTree(body);
            final Map<String, Object> details = new HashMap<>();
            if (error.path("details").isObject()) {
                details.putAll(json.convertValue(error.get("details"), Map.class));
            }
            details.put("source", "enrollment");
            return new ApiException(status, error.path("code").asText("IDENTIFICATION_REFUSED"),
                    error.path("message").asText("enrollment refused the scan"), details);
        } catch (java.io.IOException | IllegalArgumentException e) {
            return new ApiException(status, "IDENTIFICATION_REFUSED", "enrollment refused the scan",
                    Map.of("source", "enrollment"));
        }
    }

    private static ApiException unavailable() {
        return new ApiException(503, "ENROLLMENT_UNAVAILABLE", "identification is unavailable; try again", null);
    }
}
