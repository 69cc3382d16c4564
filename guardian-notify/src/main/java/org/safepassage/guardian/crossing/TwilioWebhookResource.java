package org.safepassage.guardian.crossing;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Twilio's webhooks: inbound texts from guardians and delivery status of the texts sent to them. Every request must
 * carry a valid {@code X-Twilio-Signature}; anything else is answered 403 and leaves no trace but a log line.
 */
@Path("/twilio")
@Tag(name = "twilio")
public class TwilioWebhookResource {
    static final String INBOUND_PATH = "/twilio/inbound";
    static final String STATUS_PATH = "/twilio/status";
    private static final Logger LOG = Logger.getLogger(TwilioWebhookResource.class);
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final WebhookSignatures signatures;
    private final GuardianReplies replies;

    TwilioWebhookResource(final WebhookSignatures signatures, final GuardianReplies replies) {
        this.signatures = signatures;
        this.replies = replies;
    }

    @POST
    @Path("/inbound")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "Twilio inbound-SMS webhook: a guardian's reply (APPROVE/REFUSE code, STOP, START, HELP)")
    @APIResponse(responseCode = "200", description = "Taken; an empty TwiML answer", content = @Content(mediaType = "application/xml"))
    @APIResponse(responseCode = "400", description = "MessageSid and From are required", content = @Content(mediaType = "text/plain"))
    @APIResponse(responseCode = "403", description = "The X-Twilio-Signature is missing or wrong", content = @Content(mediaType = "text/plain"))
    public Response inbound(@HeaderParam("X-Twilio-Signature") final String signature,
            final MultivaluedMap<String, String> form) {
        final Map<String, String> params = single(form);
        if (!signatures.valid(INBOUND_PATH, params, signature)) {
            LOG.warn("inbound SMS webhook with a missing or wrong signature refused");
            return forbidden();
        }
        final String sid = params.get("MessageSid");
        final String from = params.get("From");
        if (sid == null || from == null) {
            return Response.status(400).type(MediaType.TEXT_PLAIN).entity("MessageSid and From are required").build();
        }
        replies.handle(sid, from, params.getOrDefault("Body", ""));
        // Replies go out through the Messages API (recorded in the outbox), so the TwiML answer is empty.
        return Response.ok(EMPTY_TWIML, MediaType.APPLICATION_XML).build();
    }

    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Twilio status callback: delivery status of a text sent to a guardian")
    @APIResponse(responseCode = "204", description = "Taken")
    @APIResponse(responseCode = "400", description = "MessageSid and MessageStatus are required", content = @Content(mediaType = "text/plain"))
    @APIResponse(responseCode = "403", description = "The X-Twilio-Signature is missing or wrong", content = @Content(mediaType = "text/plain"))
    public Response status(@HeaderParam("X-Twilio-Signature") final String signature,
            final MultivaluedMap<String, String> form) {
        final Map<String, String> params = single(form);
        if (!signatures.valid(STATUS_PATH, params, signature)) {
            LOG.warn("status callback with a missing or wrong signature refused");
            return forbidden();
        }
        final String sid = params.get("MessageSid");
        final String status = params.getOrDefault("MessageStatus", params.get("SmsStatus"));
        if (sid == null || status == null) {
            return Response.status(400).type(MediaType.TEXT_PLAIN).entity("MessageSid and MessageStatus are required")
                    .build();
        }
        replies.delivery(sid, status, params.get("ErrorCode"));
        return Response.noContent().build();
    }

    private static Map<String, String> single(final MultivaluedMap<String, String> form) {
        final Map<String, String> params = new HashMap<>();
        if (form != null) {
            form.forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        }
        return params;
    }

    private static Response forbidden() {
        return Response.status(403).type(MediaType.TEXT_PLAIN).entity("invalid Twilio signature").build();
    }
}
