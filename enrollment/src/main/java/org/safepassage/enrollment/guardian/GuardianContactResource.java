package org.safepassage.enrollment.guardian;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safepassage.enrollment.api.Reason;
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
    private final GuardianContacts contacts;

    GuardianContactResource(final GuardianContacts contacts) {
        this.contacts = contacts;
    }

    @GET
    @Path("/{guardianRef}")
    @Operation(summary = "The verified phone number and language of the guardian a ledger reference names")
    public GuardianContacts.Contact contact(@PathParam("guardianRef") final String guardianRef) {
        return contacts.find(guardianRef)
                .orElseThrow(() -> new ApiException(Reason.NOT_FOUND, "no guardian with a verified phone has this reference"));
    }
}
