package org.safepassage.enrollment.subject;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.enrollment.audit.AccessAudit;
import org.safepassage.enrollment.audit.Purpose;
import org.safepassage.enrollment.ledger.RegistryLedger;
import org.safepassage.service.api.ApiException;

/** The enrollment officers' API for subjects. */
@Path("/api/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "subjects")
public class SubjectResource {
    /** The most subjects one page lists; the document declares the same bound. */
    static final int MAX_LIMIT = 500;

    private final EnrollmentService enrollment;
    private final GuardianReplacement guardians;
    private final SubjectExport export;
    private final SubjectStore store;
    private final RegistryLedger ledger;
    private final Reenrollment reenrollment;
    private final AccessAudit audit;

    SubjectResource(final EnrollmentService enrollment, final GuardianReplacement guardians,
            final SubjectExport export, final SubjectStore store, final RegistryLedger ledger,
            final Reenrollment reenrollment, final AccessAudit audit) {
        this.reenrollment = reenrollment;
        this.audit = audit;
        this.enrollment = enrollment;
        this.guardians = guardians;
        this.export = export;
        this.store = store;
        this.ledger = ledger;
    }

    @POST
    @RolesAllowed({"officer", "supervisor"})
    @Operation(summary = "Enroll a person",
            description = "201 when enrolled, 200 when the same requestId and body were enrolled before; 409 "
                    + "DUPLICATE_REFERRED when the fingerprints match someone enrolled (referred to a supervisor); "
                    + "ledgerState PENDING when the ledger registration is still being retried.")
    @APIResponse(responseCode = "201", description = "Enrolled",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubjectSummary.class)))
    @APIResponse(responseCode = "200", description = "The same requestId and body were enrolled before",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubjectSummary.class)))
    @APIResponse(responseCode = "409", description = "DUPLICATE_REFERRED (the fingerprints match someone enrolled; details.referralId) or DUPLICATE_REQUEST_ID")
    @APIResponse(responseCode = "422", description = "FINGERPRINT_REJECTED, PHOTO_REJECTED, PHONE_NOT_VERIFIED, GUARDIAN_NOT_VERIFIED or REFUSED_BY_LEDGER_RULES")
    public Response enroll(final EnrollmentRequest request, @Context final SecurityContext caller) {
        final EnrollmentService.Enrolled enrolled =
                enrollment.enroll(Fields.present("body", request), caller.getUserPrincipal().getName());
        return Response.status(enrolled.created() ? 201 : 200).entity(enrolled.subject()).build();
    }

    @GET
    @RolesAllowed({"officer", "supervisor", "dpo"})
    @Operation(summary = "List enrolled subjects, newest first")
    public List<SubjectSummary> list(
            @Parameter(schema = @Schema(minimum = "1", maximum = "" + MAX_LIMIT, defaultValue = "50"))
                    @QueryParam("limit") @DefaultValue("50") final int limit,
            @Parameter(schema = @Schema(minimum = "0", defaultValue = "0"))
                    @QueryParam("offset") @DefaultValue("0") final int offset) {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw ApiException.invalid("limit", "1-" + MAX_LIMIT + ", with a non-negative offset");
        }
        return store.subjectIds(limit, offset).stream().map(enrollment::summary).toList();
    }

    @GET
    @Path("/{subjectId}")
    @RolesAllowed({"officer", "supervisor", "dpo"})
    @APIResponse(responseCode = "410", description = "SUBJECT_ERASED")
    @APIResponse(responseCode = "200", description = "The subject",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubjectSummary.class)))
    public SubjectSummary get(@PathParam("subjectId") final String subjectId) {
        return enrollment.summary(subjectId);
    }

    @GET
    @Path("/{subjectId}/ledger")
    @RolesAllowed({"officer", "supervisor", "dpo"})
    @Operation(summary = "The subject's record on the ledger (status, commitment, guardian references)")
    @APIResponse(responseCode = "409", description = "LEDGER_PENDING: the ledger registration is still being retried")
    @APIResponse(responseCode = "410", description = "SUBJECT_ERASED")
    @APIResponse(responseCode = "200", description = "The record on the ledger",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Subject.class)))
    public Subject onLedger(@PathParam("subjectId") final String subjectId) {
        return ledger.officer().subjects().read(registered(subjectId));
    }

    @PUT
    @Path("/{subjectId}/guardians")
    @RolesAllowed({"officer", "supervisor"})
    @Operation(summary = "Replace the subject's guardians and approval quorum")
    @APIResponse(responseCode = "409", description = "LEDGER_PENDING: another change still waits for the ledger")
    @APIResponse(responseCode = "410", description = "SUBJECT_ERASED")
    @APIResponse(responseCode = "422", description = "PHONE_NOT_VERIFIED, GUARDIAN_NOT_VERIFIED, REFUSED_BY_LEDGER_RULES or LEDGER_REFUSED")
    @APIResponse(responseCode = "200", description = "The subject with its new guardians",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubjectSummary.class)))
    public SubjectSummary replaceGuardians(@PathParam("subjectId") final String subjectId,
            final GuardianReplacement.Replacement replacement) {
        return guardians.replace(subjectId, Fields.present("body", replacement));
    }

    @POST
    @Path("/{subjectId}/reenrollment")
    @RolesAllowed("supervisor")
    @Operation(summary = "Re-enroll the subject's fingerprints",
            description = "New templates, a new salt and commitment; the ledger revokes the old commitment for good.")
    @APIResponse(responseCode = "409", description = "LEDGER_PENDING or DUPLICATE_REFERRED")
    @APIResponse(responseCode = "410", description = "SUBJECT_ERASED")
    @APIResponse(responseCode = "422", description = "FINGERPRINT_REJECTED or LEDGER_REFUSED")
    @APIResponse(responseCode = "200", description = "Re-enrolled",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubjectSummary.class)))
    public SubjectSummary reenroll(@PathParam("subjectId") final String subjectId,
            final Reenrollment.Request request, @Context final SecurityContext caller) {
        return reenrollment.reenroll(subjectId, Fields.present("body", request), caller.getUserPrincipal().getName());
    }

    @POST
    @Path("/{subjectId}/missing")
    @RolesAllowed({"officer", "supervisor"})
    @Operation(summary = "Flag the subject missing: any scan raises an alert")
    @APIResponse(responseCode = "409", description = "LEDGER_PENDING")
    @APIResponse(responseCode = "410", description = "SUBJECT_ERASED")
    @APIResponse(responseCode = "422", description = "LEDGER_REFUSED: the ledger's rules refuse it (already flagged)")
    @APIResponse(responseCode = "200", description = "The record on the ledger, flagged",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Subject.class)))
    public Subject flagMissing(@PathParam("subjectId") final String subjectId) {
        return ledger.officer().subjects().flagMissing(registered(subjectId));
    }

    @DELETE
    @Path("/{subjectId}/missing")
    @RolesAllowed("supervisor")
    @Operation(summary = "Clear the missing flag: the subject was found")
    @APIResponse(responseCode = "409", description = "LEDGER_PENDING")
    @APIResponse(responseCode = "410", description = "SUBJECT_ERASED")
    @APIResponse(responseCode = "422", description = "LEDGER_REFUSED: the ledger's rules refuse it (not flagged)")
    @APIResponse(responseCode = "200", description = "The record on the ledger, unflagged",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Subject.class)))
    public Subject unflagMissing(@PathParam("subjectId") final String subjectId) {
        return ledger.officer().subjects().unflagMissing(registered(subjectId));
    }

    @GET
    @Path("/{subjectId}/export")
    @RolesAllowed({"supervisor", "dpo"})
    @Operation(summary = "GDPR Art. 15 export: everything held about the person")
    @APIResponse(responseCode = "410", description = "SUBJECT_ERASED")
    @APIResponse(responseCode = "200", description = "Everything held about the person",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubjectExport.Export.class)))
    public SubjectExport.Export export(@PathParam("subjectId") final String subjectId) {
        final SubjectExport.Export document = export.export(subjectId);
        audit.record(Purpose.EXPORT, subjectId, SubjectExport.AUDITED);
        return document;
    }

    private String registered(final String subjectId) {
        return store.requireRegistered(subjectId).subjectId();
    }
}
