package org.safepassage.enrollment.guardian;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * guardian-notify's internal phone-verification API: it sends the one-time SMS code and checks the answer, so
 * enrollment never sees a code. Answers are read as raw responses so its error reasons reach the officer unchanged.
 */
@RegisterRestClient(configKey = "guardian-notify")
// Enrollment's own client at the identity provider, by client credentials (its service account: enrollment-service).
@ClientHeaderParam(name = "Authorization", value = "{org.safepassage.service.token.ServiceTokens.bearer}")
@Path("/internal/v1/phone-verifications")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface NotifierClient {
    @POST
    Response start(Map<String, String> body);

    @POST
    @Path("/{id}/check")
    Response check(@PathParam("id") String verificationId, Map<String, String> body);
}
