package org.safepassage.gateway.crossing;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.safepassage.gateway.status.RequestTracker;
import org.safepassage.gateway.status.RequestView;
import org.safepassage.gateway.terminal.CurrentTerminal;

/** A post's crossing requests: current state, live status for the guard's screen, the crossing and overrides. */
@Path("/api/v1/requests/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "requests", description = "Crossing requests awaiting the guardians, and their crossings")
@RolesAllowed({"guard", "supervisor"})
public class RequestResource {
    private final CrossingService crossings;
    private final RequestTracker tracker;
    private final CurrentTerminal terminal;

    RequestResource(final CrossingService crossings, final RequestTracker tracker, final CurrentTerminal terminal) {
        this.crossings = crossings;
        this.tracker = tracker;
        this.terminal = terminal;
    }

    /**
     * The request's current state on the ledger.
     *
     * @param id the request's id
     * @return the request
     */
    @GET
    @Operation(summary = "Read a crossing request")
    public RequestView read(@PathParam("id") final String id) {
        return RequestView.of(crossings.read(terminal.get(), id));
    }

    /**
     * The request's status as server-sent events: the current state first, then each change the ledger's events bring
     * (a guardian's answer, approval, refusal, expiry, cancellation). The stream ends once the request is no longer
     * pending.
     *
     * @param id the request's id
     * @return the stream of states
     */
    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Follow a crossing request live", description = "Server-sent events driven by the ledger's "
            + "chaincode events; ends when the request is settled.")
    public Multi<RequestView> events(@PathParam("id") final String id) {
        final LiveStatus live = new LiveStatus();
        // Subscribe before reading, so no change between the read and the subscription is lost.
        final Runnable unsubscribe = tracker.subscribe(id, live::push);
        try {
            live.push(RequestView.of(crossings.read(terminal.get(), id)));
        } catch (RuntimeException e) {
            unsubscribe.run();
            throw e;
        }
        return live.stream().onTermination().invoke(unsubscribe);
    }

    /**
     * Records what the post did, citing the guardians' approval.
     *
     * @param id the request's id
     * @param input {@code ALLOWED} or {@code DENIED}
     * @return the recorded crossing
     */
    @POST
    @Path("/crossing")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the crossing", description = "ALLOWED needs the request APPROVED, unexpired and unused; "
            + "the ledger refuses otherwise (422/409).")
    @APIResponse(responseCode = "200", description = "The recorded crossing",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CrossingView.class)))
    @APIResponse(responseCode = "409", description = "the request was used or decided already (the ledger's code)")
    @APIResponse(responseCode = "422", description = "the ledger refuses: not APPROVED, expired, or the wrong post")
    public CrossingView crossing(@PathParam("id") final String id, final CrossingInput input) {
        return crossings.record(terminal.get(), id, input);
    }

    /**
     * Lets the subject cross on a supervisor's authority.
     *
     * @param id the request's id
     * @param input the reason code
     * @return the recorded crossing
     */
    @POST
    @Path("/override")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("supervisor")
    @Operation(summary = "Supervised override", description = "Records the crossing ALLOWED with a reason code; the "
            + "ledger raises an OVERRIDE alert for child protection. Needs both a supervisor's terminal and the "
            + "supervisor's own login (a token with the realm role border-supervisor).")
    @APIResponse(responseCode = "200", description = "The recorded crossing",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CrossingView.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a supervisor's terminal; "
            + "SUPERVISOR_LOGIN_REQUIRED: the person logged in is not a border supervisor")
    @APIResponse(responseCode = "409", description = "the request was used already (the ledger's code)")
    @APIResponse(responseCode = "422", description = "the ledger refuses the override")
    public CrossingView override(@PathParam("id") final String id, final OverrideInput input) {
        return crossings.override(terminal.supervisor(), id, input);
    }

    /** One subscriber's stream: pushes come from the request thread and the ledger-event thread, serialised here. */
    static final class LiveStatus {
        private final UnicastProcessor<RequestView> processor = UnicastProcessor.create();
        private boolean done;

        synchronized void push(final RequestView view) {
            if (done) {
                return;
            }
            processor.onNext(view);
            if (view.isSettled()) {
                done = true;
                processor.onComplete();
            }
        }

        Multi<RequestView> stream() {
            return processor;
        }
    }
}
