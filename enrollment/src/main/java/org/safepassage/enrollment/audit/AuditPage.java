package org.safepassage.enrollment.audit;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.safepassage.enrollment.subject.ui.Screen;

/** The DPO's screen over the access audit: filters, the rows, and the integrity check. */
@Path("/ui/audit")
@RolesAllowed("dpo")
public class AuditPage {
    static final int LIMIT = 200;

    private final AccessAudit audit;
    private final AuditCheck check;

    AuditPage(final AccessAudit audit, final AuditCheck check) {
        this.audit = audit;
        this.check = check;
    }

    @CheckedTemplate(basePath = "ui")
    static final class Templates {
        private Templates() {}

        static native TemplateInstance audit(Screen screen, List<AuditEntry> entries, int limit, AuditReport report,
                List<Purpose> purposes, String actor, String subjectId, String purpose, String from, String to);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String open(@QueryParam("actor") @DefaultValue("") final String actor,
            @QueryParam("subjectId") @DefaultValue("") final String subjectId,
            @QueryParam("purpose") @DefaultValue("") final String purpose,
            @QueryParam("from") @DefaultValue("") final String from,
            @QueryParam("to") @DefaultValue("") final String to,
            @QueryParam("check") @DefaultValue("false") final boolean runCheck,
            @Context final SecurityContext caller) {
        final List<AuditEntry> entries =
                audit.find(AuditResource.filter(actor, subjectId, purpose, from, to), LIMIT);
        return Templates.audit(Screen.of("Access audit", "audit", caller), entries, LIMIT,
                runCheck ? check.run() : null, List.of(Purpose.values()), actor, subjectId, purpose, from, to)
                .render();
    }
}
