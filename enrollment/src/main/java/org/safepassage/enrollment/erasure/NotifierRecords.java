package org.safepassage.enrollment.erasure;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** guardian-notify's erasure API: its SMS records for a subject, and Twilio's stored copies of those messages. */
@RegisterRestClient(configKey = "guardian-notify")
// Enrollment's own client at the identity provider, by client credentials (its service account: enrollment-service).
@ClientHeaderParam(name = "Authorization", value = "{org.safepassage.service.token.ServiceTokens.bearer}")
@Path("/internal/v1/subjects")
public interface NotifierRecords {
    @DELETE
    @Path("/{subjectId}/messages")
    Response forget(@PathParam("subjectId") String subjectId);
}
