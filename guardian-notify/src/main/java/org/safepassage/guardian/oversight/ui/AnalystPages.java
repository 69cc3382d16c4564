package org.safepassage.guardian.oversight.ui;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safepassage.chaincode.model.RedFlagRule;
import org.safepassage.guardian.oversight.AlertFilter;
import org.safepassage.guardian.oversight.AlertView;
import org.safepassage.guardian.oversight.Oversight;
import org.safepassage.guardian.redflag.RedFlagHits;

/**
 * The child-protection analyst's screens: open alerts, a subject's timeline, statistics. Server-rendered; only the
 * {@code analyst} role, so the service accounts get 403 here as the analyst does on the internal APIs.
 */
@Path("/analyst")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("analyst")
@Tag(name = "analyst screens", description = "HTML screens for the child-protection analyst")
public class AnalystPages {
    private final Oversight oversight;
    private final Template alerts;
    private final Template subject;
    private final Template statistics;

    AnalystPages(final Oversight oversight, @Location("analyst/alerts.html") final Template alerts,
            @Location("analyst/subject.html") final Template subject,
            @Location("analyst/statistics.html") final Template statistics) {
        this.oversight = oversight;
        this.alerts = alerts;
        this.subject = subject;
        this.statistics = statistics;
    }

    @GET
    @Operation(summary = "Open alerts", description = "The ledger's open alerts, newest first; red flags with their "
            + "rule, explanation and evidence, filtered by rule, post and the day raised (YYYY-MM-DD, UTC).")
    public TemplateInstance alerts(@QueryParam("rule") final String rule, @QueryParam("post") final String post,
            @QueryParam("from") final String from, @QueryParam("to") final String to) {
        List<AlertView> open = List.of();
        String problem = null;
        try {
            open = oversight.openAlerts(AlertFilter.parse(rule, post, from, to));
        } catch (IllegalArgumentException e) {
            problem = "The filter was not applied: " + e.getMessage() + ".";
        } catch (RuntimeException e) {
            problem = Oversight.problem(e);
        }
        return alerts.data("page", "alerts").data("alerts", open).data("problem", problem)
                .data("rules", java.util.Arrays.stream(RedFlagRule.values()).map(Enum::name).toList())
                .data("filterRule", value(rule)).data("filterPost", value(post)).data("filterFrom", value(from))
                .data("filterTo", value(to));
    }

    private static String value(final String parameter) {
        return parameter == null ? "" : parameter.strip();
    }

    /** The header's search: goes to the subject's timeline. */
    @GET
    @Path("/subjects")
    @Operation(summary = "Find a subject", description = "Redirects to the timeline of the subject id given.")
    public Response search(@QueryParam("subjectId") final String subjectId) {
        final String id = subjectId == null ? "" : subjectId.strip();
        if (id.isEmpty()) {
            return Response.seeOther(UriBuilder.fromPath("/analyst/").build()).build();
        }
        return Response.seeOther(UriBuilder.fromPath("/analyst/subjects/{id}").build(id)).build();
    }

    @GET
    @Path("/subjects/{subjectId}")
    @Operation(summary = "A subject's timeline", description = "Requests, guardian decisions and crossings in time "
            + "order, and the subject's current state on the ledger.")
    public TemplateInstance subject(@PathParam("subjectId") final String subjectId) {
        return subject.data("page", "subject").data("subjectId", subjectId)
                .data("state", oversight.subjectState(subjectId))
                .data("entries", oversight.timeline(subjectId));
    }

    @GET
    @Path("/statistics")
    @Operation(summary = "Statistics", description = "Crossings per post, guardian response times, refusals and "
            + "overrides, per day over the last 14 days.")
    public TemplateInstance statistics() {
        return statistics.data("page", "statistics").data("stats", oversight.statistics())
                .data("redFlags", oversight.redFlagHits())
                .data("weeks", java.util.stream.IntStream.range(0, RedFlagHits.WEEKS)
                        .mapToObj(i -> i == RedFlagHits.WEEKS - 1 ? "this week" : (RedFlagHits.WEEKS - 1 - i) + " wk ago")
                        .toList());
    }
}
