package org.safepassage.enrollment.subject.ui;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.safepassage.enrollment.ledger.LedgerOutbox;

/** The operators' page of the ledger outbox's dead letters: work that failed for good, with the reason. */
@Path("/ui/outbox")
@RolesAllowed({"supervisor", "dpo"})
public class OutboxPage {
    private final LedgerOutbox outbox;

    OutboxPage(final LedgerOutbox outbox) {
        this.outbox = outbox;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String open(@Context final SecurityContext caller) {
        return Pages.outbox(Screen.of("Ledger outbox", "outbox", caller), outbox.count(LedgerOutbox.State.PENDING),
                outbox.dead()).render();
    }
}
