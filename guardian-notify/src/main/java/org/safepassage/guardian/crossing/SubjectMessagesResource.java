package org.safepassage.guardian.crossing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.safepassage.guardian.sms.SmsNotDeletedException;
import org.safepassage.guardian.verification.ErrorCode;
import org.safepassage.service.api.ApiError;

/**
 * Erasure for enrollment: when a subject is erased, enrollment asks this service to forget every text about the
 * subject's crossing requests, here and at the SMS provider. HTTP Basic, role {@code enrollment-service}.
 */
@Path("/internal/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("enrollment-service")
@Tag(name = "erasure", description = "Forgetting a subject's SMS records")
public class SubjectMessagesResource {
    private static final Logger LOG = Logger.getLogger(SubjectMessagesResource.class);

    private final SubjectErasure erasure;

    SubjectMessagesResource(final SubjectErasure erasure) {
        this.erasure = erasure;
    }

    /**
     * Deletes the subject's SMS records.
     *
     * @param subjectId the subject's id on the ledger
     * @return 204 when nothing about the subject is left; 503 if the provider could not delete a copy
     */
    @DELETE
    @Path("/{subjectId}/messages")
    @Operation(summary = "Forget a subject's SMS records", description = "Deletes every text about the subject's "
            + "crossing requests: the outbox rows, the guardians' replies and the SMS provider's stored copies. "
            + "Idempotent: 204 once nothing is left, also for a subject never texted about. 503 if the provider "
            + "could not delete a copy; nothing is deleted here then, and the call can be repeated.")
    @APIResponse(responseCode = "204", description = "Nothing about the subject is left")
    @APIResponse(responseCode = "503", description = "SMS_PROVIDER_UNAVAILABLE: a stored copy could not be deleted; nothing was deleted, repeat the call")
    public Response forget(@PathParam("subjectId") final String subjectId) {
        try {
            erasure.forget(subjectId);
            return Response.noContent().build();
        } catch (SmsNotDeletedException e) {
            LOG.warnf("erasure of a subject's texts deferred: %s", e.getMessage());
            return Response.status(503).type(MediaType.APPLICATION_JSON)
                    .entity(new ApiError(ErrorCode.SMS_PROVIDER_UNAVAILABLE.name(),
                            "the SMS provider could not delete a stored text; try again", Map.of()))
                    .build();
        }
    }
}
