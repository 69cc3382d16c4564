package org.safepassage.gateway.identify;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Enrollment's internal identify API; answers are read raw so its error reasons reach the terminal unchanged. */
@RegisterRestClient(configKey = "enrollment")
// The gateway's own client at the identity provider, by client credentials (its service account: role gateway).
@ClientHeaderParam(name = "Authorization", value = "{org.safepassage.service.token.ServiceTokens.bearer}")
@Path("/internal/v1/identify")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface EnrollmentClient {
    /**
     * Identifies a person from fingerprint images.
     *
     * @param request the images and, for 1:1, the subject a card names
     * @return the raw answer
     */
    @POST
    Response identify(IdentifyCall request);
}
