package org.safepassage.enrollment.guardian;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.enrollment.audit.AccessAudit;
import org.safepassage.enrollment.audit.Purpose;
import org.safepassage.enrollment.subject.GuardianContacts;
import org.safepassage.service.api.ApiException;

/**
 * Internal: how guardian-notify reaches the guardian a ledger reference names. Only the verified phone number and the
 * language are released; never the child's or the guardian's name.
 */
@Path("/internal/v1/guardians")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("notifier")
@Tag(name = "internal")
public class GuardianContactResource {
    /** A crossing request id as the ledger mints them (a transaction id); anything else is refused. */
    private static final java.util.regex.Pattern REQUEST_ID = java.util.regex.Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9_.:-]{7,127}");

    private final GuardianContacts contacts;
    private final AccessAudit audit;

    GuardianContactResource(final GuardianContacts contacts, final AccessAudit audit) {
        this.contacts = contacts;
        this.audit = audit;
    }

    @GET
    @Path("/{guardianRef}")
    @Operation(summary = "The verified phone number and language of the guardian a ledger reference names",
            description = "requestId names the crossing request the SMS is for; it goes into the access audit.")
    public GuardianContacts.Contact contact(@PathParam("guardianRef") final String guardianRef,
            @QueryParam("requestId") final String requestId) {
        if (requestId != null && !REQUEST_ID.matcher(requestId).matches()) {
            throw ApiException.invalid("requestId", "a crossing request id (8-128 of A-Z a-z 0-9 _ . : -)");
        }
        final GuardianContacts.Contact contact = contacts.find(guardianRef)
                .orElseThrow(() -> new ApiException(Reason.NOT_FOUND, "no guardian with a verified phone has this reference"));
        audit.record(Purpose.GUARDIAN_CONTACT, contact.subjectId(), "phone number and language of guardian "
                + contact.guardianRef() + (requestId == null ? "" : " for crossing request " + requestId));
        return contact;
    }
}
