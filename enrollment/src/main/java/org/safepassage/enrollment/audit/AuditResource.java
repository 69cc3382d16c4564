package org.safepassage.enrollment.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safepassage.service.api.ApiException;

/** The data-protection officer's API over the access audit: search it, check it, anchor its head now. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("dpo")
@Tag(name = "audit")
public class AuditResource {
    /** The most rows one search answers; the document declares the same bound. */
    static final int MAX_LIMIT = 1000;

    private final AccessAudit audit;
    private final AuditCheck check;
    private final AuditAnchoring anchoring;

    AuditResource(final AccessAudit audit, final AuditCheck check, final AuditAnchoring anchoring) {
        this.audit = audit;
        this.check = check;
        this.anchoring = anchoring;
    }

    @GET
    @Operation(summary = "Reads of personal data, newest first",
            description = "Filters: actor (who read), subjectId, purpose, from and to (a date, "
                    + "2026-12-03, includes that day; an instant, 2026-12-03T08:00:00Z, bounds exactly, to "
                    + "exclusive); limit 1-1000.")
    public List<AuditEntryView> find(@QueryParam("actor") final String actor,
            @QueryParam("subjectId") final String subjectId,
            @Parameter(schema = @Schema(implementation = Purpose.class)) @QueryParam("purpose") final String purpose,
            @QueryParam("from") final String from, @QueryParam("to") final String to,
            @Parameter(schema = @Schema(minimum = "1", maximum = "" + MAX_LIMIT, defaultValue = "200"))
                    @QueryParam("limit") @DefaultValue("200") final int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalid("limit", "1-" + MAX_LIMIT);
        }
        return audit.find(filter(actor, subjectId, purpose, from, to), limit).stream().map(AuditEntryView::of)
                .toList();
    }

    @GET
    @Path("/check")
    @Operation(summary = "Check the trail: altered or deleted rows, and anchors on the ledger that no longer match")
    public AuditReport check() {
        return check.run();
    }

    @POST
    @Path("/anchors")
    @Operation(summary = "Anchor the trail's head on the ledger now (it is also anchored periodically)")
    @APIResponse(responseCode = "200", description = "The head anchored now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = org.safepassage.chaincode.model.AuditAnchor.class)))
    @APIResponse(responseCode = "204", description = "Nothing new to anchor: the ledger has this head already")
    public Response anchor() {
        return anchoring.anchorNow().map(a -> Response.ok(a)).orElseGet(() -> Response.noContent()).build();
    }

    /** The filter of the API and of the screen, from their query parameters; blank means absent. */
    static AccessAudit.Filter filter(final String actor, final String subjectId, final String purpose,
            final String from, final String to) {
        return new AccessAudit.Filter(blankToNull(actor), blankToNull(subjectId), purpose(purpose),
                time("from", from), time("to", to));
    }

    private static Purpose purpose(final String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return Purpose.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("purpose", "one of " + java.util.Arrays.toString(Purpose.values()));
        }
    }

    private static Instant time(final String field, final String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            if (value.contains("T")) {
                return Instant.parse(value.trim());
            }
            // A date: "from" opens at its start, "to" closes at its end (the day is included).
            final LocalDate day = LocalDate.parse(value.trim());
            return ("to".equals(field) ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "a date (2026-12-03) or an instant (2026-12-03T08:00:00Z)");
        }
    }

    private static String blankToNull(final String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A row as the API shows it: hashes in hex. */
    public record AuditEntryView(long seq, Instant readAt, String actor, String purpose, String subjectId,
            String what, String prevHash, String rowHash) {
        static AuditEntryView of(final AuditEntry e) {
            final java.util.HexFormat hex = java.util.HexFormat.of();
            return new AuditEntryView(e.seq(), e.readAt(), e.actor(), e.purpose(), e.subjectId(), e.what(),
                    hex.formatHex(e.prevHash()), hex.formatHex(e.rowHash()));
        }
    }
}
