package org.safepassage.enrollment.subject.ui;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import org.safepassage.enrollment.audit.AccessAudit;
import org.safepassage.enrollment.audit.Purpose;
import org.safepassage.enrollment.subject.SubjectDirectory;
import org.safepassage.enrollment.subject.SubjectListing;

/** The subject list and the subject screen, for officers, supervisors and the DPO. */
@Path("/ui")
@RolesAllowed({"officer", "supervisor", "dpo"})
public class SubjectPages {
    static final int PAGE_SIZE = 50;

    /** What a list row shows of a person, as the access audit records it. */
    static final String LISTED = "names, birth date";
    /** What the subject screen shows of a person, as the access audit records it. */
    static final String PROFILE = "names, birth date, sex, place of birth, languages; guardians' names, relations, "
            + "languages and masked phones";

    private final SubjectDirectory directory;
    private final AccessAudit audit;

    SubjectPages(final SubjectDirectory directory, final AccessAudit audit) {
        this.directory = directory;
        this.audit = audit;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/ui/subjects")).build();
    }

    @GET
    @Path("/subjects")
    @Produces(MediaType.TEXT_HTML)
    public String subjects(@QueryParam("q") @DefaultValue("") final String query,
            @QueryParam("offset") @DefaultValue("0") final int offset, @Context final SecurityContext caller) {
        final int from = Math.max(0, offset);
        final List<SubjectListing> subjects = query.isBlank()
                ? directory.newest(PAGE_SIZE + 1, from)
                : directory.search(query, PAGE_SIZE);
        final boolean hasOlder = query.isBlank() && subjects.size() > PAGE_SIZE;
        final List<SubjectListing> shown = hasOlder ? subjects.subList(0, PAGE_SIZE) : subjects;
        audited(query, shown);
        return Pages.subjects(Screen.of("Subjects", "subjects", caller),
                shown, query, SubjectDirectory.SEARCH_WINDOW,
                query.isBlank() ? from : 0, PAGE_SIZE, hasOlder).render();
    }

    /** The list's live search as the officer types: the same filter as the page, as JSON. */
    @GET
    @Path("/subjects/search")
    @Produces(MediaType.APPLICATION_JSON)
    public List<SubjectListing> search(@QueryParam("q") @DefaultValue("") final String query) {
        return audited(query, query.isBlank() ? directory.newest(PAGE_SIZE, 0) : directory.search(query, PAGE_SIZE));
    }

    @GET
    @Path("/subjects/{subjectId}")
    @Produces(MediaType.TEXT_HTML)
    public Response subject(@PathParam("subjectId") final String subjectId, @Context final SecurityContext caller) {
        return directory.profile(subjectId)
                .map(profile -> {
                    audit.record(Purpose.SUBJECT_PAGE, subjectId, PROFILE);
                    return profile;
                })
                .map(profile -> Response.ok(Pages.subject(Screen.of("Subject", "subjects", caller), profile,
                        Actions.of(caller)).render()))
                .orElseGet(() -> Response.status(404)
                        .entity(Pages.missing(Screen.of("Subject", "subjects", caller), subjectId,
                                caller.isUserInRole("dpo")).render()))
                .type(MediaType.TEXT_HTML_TYPE).build();
    }

    /* Every person a list shows is a read of their names: one audit row each, before the page goes out. */
    private List<SubjectListing> audited(final String query, final List<SubjectListing> shown) {
        audit.record(query.isBlank() ? Purpose.SUBJECT_LIST : Purpose.SEARCH_HIT, shown.stream()
                .map(s -> new AccessAudit.Read(s.subjectId(), LISTED)).toList());
        return shown;
    }
}
