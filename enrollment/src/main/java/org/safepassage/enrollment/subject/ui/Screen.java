package org.safepassage.enrollment.subject.ui;

import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.stream.Stream;

/**
 * The header every screen shows: the screen's name, the screens the signed-in user's role may open, and who they are.
 * A link is only a convenience: each screen and API call checks the role again.
 *
 * @param role the user's role as the header names it (officer, supervisor, dpo)
 */
@TemplateData
public record Screen(String name, String user, String role, List<NavLink> nav) {

    /** A header link; {@code current} marks the screen being shown. */
    @TemplateData
    public record NavLink(String id, String label, String href, boolean current) {}

    /** The header for screen {@code name}, with {@code currentId} marked in the navigation. */
    public static Screen of(final String name, final String currentId, final SecurityContext caller) {
        final boolean officer = caller.isUserInRole("officer");
        final boolean supervisor = caller.isUserInRole("supervisor");
        final boolean dpo = caller.isUserInRole("dpo");
        final List<NavLink> nav = Stream.of(
                        officer || supervisor || dpo ? link("subjects", "Subjects", "/ui/subjects", currentId) : null,
                        officer || supervisor ? link("enroll", "Enroll a person", "/ui/enroll", currentId) : null,
                        supervisor ? link("referrals", "Duplicate referrals", "/ui/referrals", currentId) : null,
                        supervisor || dpo ? link("outbox", "Ledger outbox", "/ui/outbox", currentId) : null,
                        dpo ? link("audit", "Access audit", "/ui/audit", currentId) : null)
                .filter(java.util.Objects::nonNull).toList();
        final String role = supervisor ? "supervisor" : dpo ? "data-protection officer" : officer ? "officer" : "";
        return new Screen(name, caller.getUserPrincipal().getName(), role, nav);
    }

    private static NavLink link(final String id, final String label, final String href, final String currentId) {
        return new NavLink(id, label, href, id.equals(currentId));
    }
}
